import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useQuery } from "urql";
import { signInPath } from "../api/client";
import { Loading } from "../ui/Loading";
import { ErrorAlert } from "../ui/ErrorAlert";
import { SessionContext, SessionViewerQueryDoc, sessionOf } from "./session";

/** Shows its children to a signed-in user, and sends anyone else to sign in. */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const [{ data, fetching, error }] = useQuery({ query: SessionViewerQueryDoc });
  if (fetching && !data) {
    return <Loading />;
  }
  if (error) {
    return <ErrorAlert error={error} />;
  }
  if (!data?.viewer) {
    return <Navigate to={signInPath(location.pathname + location.search, false)} replace />;
  }
  return <SessionContext.Provider value={sessionOf(data.viewer)}>{children}</SessionContext.Provider>;
}
