import { Suspense, useMemo } from "react";
import { createBrowserRouter, RouterProvider } from "react-router";
import { Provider as UrqlProvider } from "urql";
import { createWinClient, sessionEnded } from "../api/client";
import { LocaleProvider } from "../i18n/LocaleProvider";
import { RequireSession } from "../session/RequireSession";
import { ForgotPassword } from "../session/ForgotPassword";
import { ResetPassword } from "../session/ResetPassword";
import { SignIn } from "../session/SignIn";
import { Loading } from "../ui/Loading";
import { Layout } from "./Layout";
import { screens } from "./routes";

const router = () =>
  createBrowserRouter([
    { path: "/login", element: <SignIn /> },
    { path: "/forgot-password", element: <ForgotPassword /> },
    { path: "/reset-password", element: <ResetPassword /> },
    {
      path: "/",
      element: (
        <RequireSession>
          <Suspense fallback={<Loading />}>
            <Layout />
          </Suspense>
        </RequireSession>
      ),
      children: screens.map((s) => ({ ...s, element: <Suspense fallback={<Loading />}>{s.element}</Suspense> })),
    },
  ]);

export function App() {
  const client = useMemo(() => createWinClient(sessionEnded), []);
  const routes = useMemo(() => router(), []);
  return (
    <LocaleProvider>
      <UrqlProvider value={client}>
        <RouterProvider router={routes} />
      </UrqlProvider>
    </LocaleProvider>
  );
}
