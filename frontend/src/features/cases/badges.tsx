import { Badge } from "design-react-kit";
import { FormattedMessage } from "react-intl";
import type { CasePriority, CaseStatus } from "../../gql/graphql";
import { useEnumLabel } from "../../i18n/useEnumLabel";

// A case's status and lateness as badges: the words say it, the colour
// only helps the eye.

const statusColor: Record<CaseStatus, string> = {
  REFERRED: "primary",
  UNDER_ASSESSMENT: "warning",
  IN_CHARGE: "success",
  MONITORING: "info",
  CLOSED: "dark",
  DECLINED: "danger",
};

/** The colour of a status badge. */
export function statusBadgeColor(status: CaseStatus): string {
  return statusColor[status] ?? "secondary";
}

export function StatusBadge({ status }: { status: CaseStatus }) {
  const label = useEnumLabel();
  return <Badge color={statusBadgeColor(status)}>{label("CaseStatus", status)}</Badge>;
}

export function PriorityText({ priority }: { priority: CasePriority }) {
  const label = useEnumLabel();
  const text = label("CasePriority", priority);
  return priority === "URGENT" || priority === "HIGH" ? <strong>{text}</strong> : <>{text}</>;
}

export function OverdueBadge() {
  return (
    <Badge color="danger">
      <FormattedMessage id="cases.overdue" />
    </Badge>
  );
}
