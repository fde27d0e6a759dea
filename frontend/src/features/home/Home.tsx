import { useSession } from "../../session/session";
import { Agenda } from "../agenda/Agenda";
import { Dashboard } from "../dashboard/Dashboard";
import { Welcome } from "./Welcome";

/**
 * The first screen after sign-in, by what the user does: the agenda for
 * those who work cases, the dashboard for the committee and analysts.
 */
export function Home() {
  const s = useSession();
  if (s.has("OPERATOR") || s.has("COORDINATOR")) {
    return <Agenda />;
  }
  if (s.has("STEERING") || s.has("ANALYST")) {
    return <Dashboard />;
  }
  return <Welcome />;
}
