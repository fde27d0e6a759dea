import { Badge } from "design-react-kit";
import { FormattedMessage, useIntl } from "react-intl";
import { graphql } from "../../gql";
import type { CaseServiceRequestsFragment, ServiceRequestStatus } from "../../gql/graphql";
import { useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { nodes } from "../../ui/connection";
import { Section } from "../../ui/Section";
import { usePartNames } from "./actions/partNames";
import { Rows, StepCell, useStepColumn } from "./sections";

// The services the case's table asked of the network's organisations
// (docs/domain.md#service-requests), newest first: what was asked, of
// whom, by when, which contact data went with it, and the organisation's
// answer and outcome. The request is sent from the case's steps
// (REQUEST_SERVICE); one still waiting for an answer is cancelled from
// its row. The organisation answers from its own agenda.

export const CaseServiceRequestsFragmentDoc = graphql(`
  fragment CaseServiceRequests on Case {
    id
    serviceRequests(first: 50, orderBy: [{ field: SENT_ON, direction: DESC }, { field: CREATED_AT, direction: DESC }]) {
      totalCount
      edges {
        node {
          id
          kind
          need
          neededBy
          sharedContact
          status
          sentOn
          answerDueOn
          answeredOn
          plannedStart
          declineReason
          answerNote
          completedOn
          successful
          completionReason
          completionNote
          overdue
          organization {
            id
            name
          }
          requestedBy {
            id
            name
          }
          answeredBy {
            id
            name
          }
        }
      }
    }
  }
`);

const statusColor: Record<ServiceRequestStatus, string> = {
  SENT: "primary",
  ACCEPTED: "success",
  DECLINED: "danger",
  COMPLETED: "dark",
  CANCELLED: "secondary",
};

/** A request's status as a badge: the words say it, the colour only helps the eye. */
export function RequestStatusBadge({ status }: { status: ServiceRequestStatus }) {
  const label = useEnumLabel();
  return <Badge color={statusColor[status] ?? "secondary"}>{label("ServiceRequestStatus", status)}</Badge>;
}

/** A request waiting for an answer past its answer date. */
export function RequestOverdueBadge() {
  return (
    <Badge color="danger">
      <FormattedMessage id="cases.requests.overdue" />
    </Badge>
  );
}

type Request = NonNullable<NonNullable<NonNullable<CaseServiceRequestsFragment["serviceRequests"]["edges"]>[number]>["node"]>;

/** The organisation's answer, then the outcome, as far as the request went. */
function Answer({ r }: { r: Request }) {
  const fmt = useFormat();
  const label = useEnumLabel();
  const by = r.answeredBy?.name ?? "—";
  return (
    <>
      {r.status === "SENT" && <FormattedMessage id="cases.requests.waiting" />}
      {r.status === "CANCELLED" && <FormattedMessage id="cases.requests.cancelled" />}
      {r.status === "DECLINED" && (
        <FormattedMessage id="cases.requests.declined" values={{ date: fmt.date(r.answeredOn), by, reason: label("ServiceRequestDeclineReason", r.declineReason) }} />
      )}
      {(r.status === "ACCEPTED" || r.status === "COMPLETED") && (
        <FormattedMessage id="cases.requests.accepted" values={{ date: fmt.date(r.answeredOn), by, start: fmt.date(r.plannedStart) }} />
      )}
      {r.answerNote && (
        <span className="d-block">
          <FormattedMessage id="cases.requests.answerNote" values={{ note: r.answerNote }} />
        </span>
      )}
      {r.status === "COMPLETED" && (
        <span className="d-block fw-semibold">
          <FormattedMessage
            id="cases.requests.completed"
            values={{ date: fmt.date(r.completedOn), successful: String(r.successful ?? ""), reason: label("ServiceRequestCompletionReason", r.completionReason) }}
          />
        </span>
      )}
      {r.completionNote && (
        <span className="d-block">
          <FormattedMessage id="cases.requests.completionNote" values={{ note: r.completionNote }} />
        </span>
      )}
    </>
  );
}

export function ServiceRequestsSection({ data }: { data: CaseServiceRequestsFragment }) {
  const fmt = useFormat();
  const label = useEnumLabel();
  const intl = useIntl();
  const names = usePartNames();
  const requests = nodes(data.serviceRequests);
  const step = useStepColumn("CANCEL_SERVICE_REQUEST");
  return (
    <Section id="case-requests-title" title="cases.section.requests">
      <p className="small">
        <FormattedMessage id="cases.requests.intro" />
      </p>
      <Rows
        rows={requests}
        empty="cases.requests.none"
        caption="cases.section.requests"
        columns={["cases.requests.service", "cases.requests.organization", "cases.requests.status", "cases.requests.dates", "cases.requests.answer", ...step]}
        row={(r) => (
          <tr key={r.id} data-testid="service-request">
            <th scope="row">
              {label("InterventionKind", r.kind)}
              {r.need && <span className="d-block fw-normal">{r.need}</span>}
              <small className="d-block fw-normal">
                {r.sharedContact.length > 0 ? (
                  <FormattedMessage
                    id="cases.requests.sharedContact"
                    values={{ data: intl.formatList(r.sharedContact.map((d) => label("ContactDatum", d)), { type: "conjunction" }) }}
                  />
                ) : (
                  <FormattedMessage id="cases.requests.noContact" />
                )}
              </small>
            </th>
            <td>
              {r.organization.name}
              <small className="d-block">
                <FormattedMessage id="cases.requests.requestedBy" values={{ name: r.requestedBy?.name ?? "—" }} />
              </small>
            </td>
            <td>
              <span className="d-flex flex-wrap gap-1">
                <RequestStatusBadge status={r.status} />
                {r.overdue && <RequestOverdueBadge />}
              </span>
            </td>
            <td>
              <span className="d-block text-nowrap">
                <FormattedMessage id="cases.requests.sentOn" values={{ date: fmt.date(r.sentOn) }} />
              </span>
              {r.status === "SENT" && (
                <span className={`d-block text-nowrap${r.overdue ? " text-danger fw-semibold" : ""}`}>
                  <FormattedMessage id="cases.requests.answerDue" values={{ date: fmt.date(r.answerDueOn) }} />
                </span>
              )}
              {r.neededBy && (
                <span className="d-block text-nowrap">
                  <FormattedMessage id="cases.requests.neededBy" values={{ date: fmt.date(r.neededBy) }} />
                </span>
              )}
            </td>
            <td>
              <Answer r={r} />
            </td>
            <StepCell action="CANCEL_SERVICE_REQUEST" part={r.id} name={names.request(r)} when={r.status === "SENT"} />
          </tr>
        )}
      />
    </Section>
  );
}
