import { FormattedMessage, useIntl } from "react-intl";
import { graphql } from "../../gql";
import type { CaseApprovalsFragment } from "../../gql/graphql";
import { useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { nodes } from "../../ui/connection";
import { Section } from "../../ui/Section";
import { usePartNames } from "./actions/partNames";
import { PartStepButton } from "./actions/steps";

// Proposals to the table's coordinator (docs/domain.md#approvals): where
// the table's settings ask for it, a plan agreed or a closure by a case
// manager who is not the coordinator waits for the coordinator's answer.
// Whoever reads the case sees what waits, proposed by whom and when, near
// the top of the page; the coordinator answers from there (the steps
// APPROVE_PROPOSAL and RETURN_PROPOSAL, on that proposal). The answered
// ones stay listed, a returned one with its reason.

export const CaseApprovalsFragmentDoc = graphql(`
  fragment CaseApprovals on Case {
    id
    approvals(first: 50, orderBy: [{ field: PROPOSED_AT, direction: DESC }]) {
      edges {
        node {
          id
          kind
          status
          proposedAt
          decidedAt
          agreedOn
          closureReason
          note
          returnReason
          proposedBy {
            id
            name
          }
          decidedBy {
            id
            name
          }
        }
      }
    }
  }
`);

type Approval = NonNullable<NonNullable<NonNullable<CaseApprovalsFragment["approvals"]["edges"]>[number]>["node"]>;

/** The proposals waiting for the coordinator, oldest first, each with the coordinator's answers. */
export function PendingApprovals({ data }: { data: CaseApprovalsFragment }) {
  const pending = nodes(data.approvals)
    .filter((a) => a.status === "PENDING")
    .sort((a, b) => Date.parse(a.proposedAt) - Date.parse(b.proposedAt));
  if (pending.length === 0) {
    return null;
  }
  return (
    <>
      {pending.map((a) => (
        <PendingApproval key={a.id} approval={a} />
      ))}
    </>
  );
}

function PendingApproval({ approval: a }: { approval: Approval }) {
  const fmt = useFormat();
  const label = useEnumLabel();
  const names = usePartNames();
  const id = `approval-${a.id}`;
  return (
    <section className="alert alert-warning" aria-labelledby={id} data-testid="pending-approval">
      <h2 id={id} className="h5">
        <FormattedMessage id="cases.approvals.pendingTitle" values={{ kind: a.kind }} />
      </h2>
      <p className="mb-2">
        <FormattedMessage
          id={`cases.approvals.pending.${a.kind}`}
          values={{
            by: a.proposedBy?.name ?? "—",
            date: fmt.dateTime(a.proposedAt),
            reason: label("CaseClosureReason", a.closureReason),
            agreed: fmt.date(a.agreedOn),
          }}
        />
      </p>
      {a.note && (
        <p className="mb-2">
          <FormattedMessage id="cases.approvals.note" values={{ note: a.note }} />
        </p>
      )}
      <div className="d-flex flex-wrap gap-2">
        <PartStepButton action="APPROVE_PROPOSAL" part={a.id} name={names.proposal(a)} />
        <PartStepButton action="RETURN_PROPOSAL" part={a.id} name={names.proposal(a)} />
      </div>
    </section>
  );
}

/** Every proposal of the case, newest first, with the answer; nothing when there was none. */
export function ApprovalsSection({ data }: { data: CaseApprovalsFragment }) {
  const fmt = useFormat();
  const label = useEnumLabel();
  const intl = useIntl();
  const approvals = nodes(data.approvals);
  if (approvals.length === 0) {
    return null;
  }
  return (
    <Section id="case-approvals-title" title="cases.section.approvals">
      <ul className="list-unstyled" data-testid="case-approvals" aria-label={intl.formatMessage({ id: "cases.section.approvals" })}>
        {approvals.map((a) => (
          <li key={a.id} className="border-bottom py-2">
            <p className="mb-1">
              <strong>
                <FormattedMessage
                  id="cases.approvals.item"
                  values={{ kind: label("ApprovalKind", a.kind), by: a.proposedBy?.name ?? "—", date: fmt.dateTime(a.proposedAt) }}
                />
              </strong>{" "}
              · {label("ApprovalStatus", a.status)}
            </p>
            {a.note && (
              <p className="small mb-1">
                <FormattedMessage id="cases.approvals.note" values={{ note: a.note }} />
              </p>
            )}
            <p className="small mb-0">
              {a.status === "PENDING" && <FormattedMessage id="cases.approvals.waiting" />}
              {a.status === "APPROVED" && <FormattedMessage id="cases.approvals.approved" values={{ by: a.decidedBy?.name ?? "—", date: fmt.dateTime(a.decidedAt) }} />}
              {a.status === "RETURNED" && (
                <FormattedMessage id="cases.approvals.returned" values={{ by: a.decidedBy?.name ?? "—", date: fmt.dateTime(a.decidedAt), reason: a.returnReason || "—" }} />
              )}
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}
