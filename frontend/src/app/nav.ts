import { importsCases } from "../features/import/access";
import { servesDataRights } from "../features/privacy/access";
import { governs, readsNetwork, worksCases, type Session } from "../session/session";

/** A section of the main navigation, shown to the roles that use it. */
export interface NavEntry {
  to: string;
  label: string; // catalogue id
  show: (s: Session) => boolean;
  /** Opens in a new tab, outside the SPA (a page of its own, like GraphiQL). */
  newTab?: boolean;
}

export const navEntries: NavEntry[] = [
  { to: "/", label: "nav.home", show: () => true },
  { to: "/cases", label: "nav.cases", show: (s) => worksCases(s) || readsNetwork(s) },
  { to: "/refer", label: "nav.refer", show: worksCases },
  { to: "/import", label: "nav.import", show: importsCases },
  { to: "/tables", label: "nav.tables", show: () => true },
  { to: "/protocols", label: "nav.protocols", show: () => true },
  { to: "/steering", label: "nav.steering", show: (s) => governs(s) || s.coordinatedTableIDs.length > 0 },
  { to: "/pact", label: "nav.pact", show: () => true },
  { to: "/community", label: "nav.community", show: () => true },
  { to: "/dashboard", label: "nav.dashboard", show: (s) => readsNetwork(s) || s.coordinatedTableIDs.length > 0 },
  { to: "/directory", label: "nav.directory", show: () => true },
  { to: "/admin", label: "nav.admin", show: (s) => s.has("ADMIN") },
  { to: "/privacy", label: "nav.privacy", show: servesDataRights },
  { to: "/account", label: "nav.account", show: () => true },
  // Analysts and the committee query the indicators themselves; GraphiQL
  // is a page of its own, so it opens beside the app, not instead of it.
  { to: "/graphiql", label: "nav.graphiql", show: readsNetwork, newTab: true },
];
