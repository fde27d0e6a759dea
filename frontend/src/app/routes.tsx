import { lazy } from "react";
import type { RouteObject } from "react-router";

// Each area is its own chunk, loaded when first visited.
const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const Home = page(() => import("../features/home/Home"), "Home");
const CasesList = page(() => import("../features/cases/CasesList"), "CasesList");
const CasePage = page(() => import("../features/cases/CasePage"), "CasePage");
const ReferralWizard = page(() => import("../features/referral/ReferralWizard"), "ReferralWizard");
const ImportPage = page(() => import("../features/import/ImportPage"), "ImportPage");
const TablesList = page(() => import("../features/tables/TablesList"), "TablesList");
const TablePage = page(() => import("../features/tables/TablePage"), "TablePage");
const ProtocolsList = page(() => import("../features/protocols/ProtocolsList"), "ProtocolsList");
const ProtocolPage = page(() => import("../features/protocols/ProtocolPage"), "ProtocolPage");
const Steering = page(() => import("../features/steering/Steering"), "Steering");
const Funds = page(() => import("../features/steering/Funds"), "Funds");
const Pact = page(() => import("../features/pact/Pact"), "Pact");
const Community = page(() => import("../features/community/Community"), "Community");
const Dashboard = page(() => import("../features/dashboard/Dashboard"), "Dashboard");
const Directory = page(() => import("../features/directory/Directory"), "Directory");
const Admin = page(() => import("../features/admin/Admin"), "Admin");
const PrivacyDesk = page(() => import("../features/privacy/PrivacyDesk"), "PrivacyDesk");
const Account = page(() => import("../features/account/Account"), "Account");
const NotificationsPage = page(() => import("../features/notifications/NotificationsPage"), "NotificationsPage");
const NotFound = page(() => import("./NotFound"), "NotFound");

/** The signed-in screens, under the layout. */
export const screens: RouteObject[] = [
  { index: true, element: <Home /> },
  { path: "cases", element: <CasesList /> },
  { path: "cases/:id", element: <CasePage /> },
  { path: "refer", element: <ReferralWizard /> },
  { path: "import", element: <ImportPage /> },
  { path: "tables", element: <TablesList /> },
  { path: "tables/:id", element: <TablePage /> },
  { path: "protocols", element: <ProtocolsList /> },
  { path: "protocols/:id", element: <ProtocolPage /> },
  { path: "steering", element: <Steering /> },
  { path: "steering/funds", element: <Funds /> },
  { path: "pact", element: <Pact /> },
  { path: "community", element: <Community /> },
  { path: "dashboard", element: <Dashboard /> },
  { path: "directory", element: <Directory /> },
  { path: "admin/*", element: <Admin /> },
  { path: "privacy", element: <PrivacyDesk /> },
  { path: "account", element: <Account /> },
  { path: "notifications", element: <NotificationsPage /> },
  { path: "*", element: <NotFound /> },
];
