import { lazy } from "react";
import { readsNetwork, useSession, worksCases } from "../../session/session";
import { Agenda } from "../agenda/Agenda";
import { Welcome } from "./Welcome";

// The dashboard brings the chart library, most of its weight: loaded only
// for those who land on it, so that the agenda's first screen stays light
// on a phone (docs/performance.md). The route's Suspense shows the wait.
const Dashboard = lazy(async () => ({ default: (await import("../dashboard/Dashboard")).Dashboard }));

/**
 * The first screen after sign-in, by what the user does: the agenda for
 * those who work cases, the dashboard for the committee and analysts.
 */
export function Home() {
  const s = useSession();
  if (worksCases(s)) {
    return <Agenda />;
  }
  if (readsNetwork(s)) {
    return <Dashboard />;
  }
  return <Welcome />;
}
