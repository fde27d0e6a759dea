import { FormattedMessage, useIntl } from "react-intl";
import { useFormat } from "../../i18n/format";
import { readsNetwork, useSession } from "../../session/session";
import { nodes } from "../../ui/connection";
import { Section } from "../../ui/Section";
import { Documents, DocumentsToggle } from "../documents/Documents";
import { caseKinds, monitoringMeetingKinds } from "../documents/model";
import type { CaseData } from "./CasePage";

// The case's documents — the signed plan, consent forms, identity
// documents, evidence — and those of its monitoring meetings, each
// meeting's behind a button. Read by those who work or referred the case
// (never by the committee and analysts, who read cases pseudonymised);
// attached and removed by the members of its table, identity documents
// and consent forms only by those who read the person's identity. Each
// list is its own query: the case page's stays as it was.

export function CaseDocumentsSection({ c }: { c: Pick<CaseData, "id" | "code" | "table" | "person" | "monitoringMeetings"> }) {
  const intl = useIntl();
  const fmt = useFormat();
  const session = useSession();
  const member = session.tableIDs.includes(c.table.id);
  const meetings = nodes(c.monitoringMeetings);
  // The API gives them no case document, even of a table they sit at.
  if (readsNetwork(session)) {
    return (
      <Section id="case-documents-title" title="cases.section.documents">
        <p>
          <FormattedMessage id="cases.documents.hidden" />
        </p>
      </Section>
    );
  }
  return (
    <Section id="case-documents-title" title="cases.section.documents">
      <Documents
        ownerID={c.id}
        name={intl.formatMessage({ id: "documents.name.case" }, { code: c.code })}
        kinds={caseKinds(Boolean(c.person.identity))}
        mayAttach={member}
      />
      {meetings.length > 0 && (
        <>
          <h3 className="h5 mt-4">
            <FormattedMessage id="cases.documents.meetings" />
          </h3>
          <ul className="list-unstyled" data-testid="monitoring-documents">
            {meetings.map((m) => (
              <li key={m.id} className="border-bottom py-2">
                <FormattedMessage
                  id={m.heldOn ? "cases.documents.meetingHeld" : "cases.documents.meeting"}
                  values={{ planned: fmt.date(m.plannedOn), held: fmt.date(m.heldOn) }}
                />
                <DocumentsToggle
                  ownerID={m.id}
                  name={intl.formatMessage({ id: "documents.name.monitoringMeeting" }, { date: fmt.date(m.heldOn ?? m.plannedOn) })}
                  kinds={monitoringMeetingKinds}
                  mayAttach={member}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
