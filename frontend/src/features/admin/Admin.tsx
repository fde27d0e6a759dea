import { Alert } from "design-react-kit";
import { FormattedMessage, useIntl } from "react-intl";
import { NavLink, Navigate, Route, Routes } from "react-router";
import { useSession } from "../../session/session";
import { usePageTitle } from "../../ui/usePageTitle";
import { AuditLog } from "./AuditLog";
import { OutgoingMail } from "./OutgoingMail";
import { UserCreate } from "./UserCreate";
import { UserPage } from "./UserPage";
import { UsersList } from "./UsersList";

/** Administration (/admin/*): users, the audit log and the outgoing mail, for administrators only. */
export function Admin() {
  const session = useSession();
  if (!session.has("ADMIN")) {
    return <NotAllowed />;
  }
  return (
    <>
      <AdminNav />
      <Routes>
        <Route index element={<Navigate to="users" replace />} />
        <Route path="users" element={<UsersList />} />
        <Route path="users/new" element={<UserCreate />} />
        <Route path="users/:id" element={<UserPage />} />
        <Route path="audit" element={<AuditLog />} />
        <Route path="mail" element={<OutgoingMail />} />
        <Route path="*" element={<Navigate to="users" replace />} />
      </Routes>
    </>
  );
}

function NotAllowed() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "nav.admin" }));
  return (
    <>
      <h1>
        <FormattedMessage id="nav.admin" />
      </h1>
      <Alert color="warning" role="alert">
        <FormattedMessage id="admin.notAllowed" />
      </Alert>
    </>
  );
}

/** The sections of the administration. */
function AdminNav() {
  const intl = useIntl();
  const link = ({ isActive }: { isActive: boolean }) => `nav-link${isActive ? " active fw-bold" : ""}`;
  return (
    <nav aria-label={intl.formatMessage({ id: "admin.nav.label" })} className="mb-3">
      <ul className="nav nav-tabs">
        <li className="nav-item">
          <NavLink to="/admin/users" className={link}>
            <FormattedMessage id="admin.nav.users" />
          </NavLink>
        </li>
        <li className="nav-item">
          <NavLink to="/admin/audit" className={link}>
            <FormattedMessage id="admin.nav.audit" />
          </NavLink>
        </li>
        <li className="nav-item">
          <NavLink to="/admin/mail" className={link}>
            <FormattedMessage id="admin.nav.mail" />
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
