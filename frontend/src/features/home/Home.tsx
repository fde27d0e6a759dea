import { readsNetwork, useSession, worksCases } from "../../session/session";
import { Agenda } from "../agenda/Agenda";
import { Dashboard } from "../dashboard/Dashboard";
import { Welcome } from "./Welcome";

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
