import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { useQuery } from "urql";
import { useFormat } from "../../i18n/format";
import { nodes } from "../../ui/connection";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { LoadMore } from "../../ui/LoadMore";
import { Loading } from "../../ui/Loading";
import { useSession } from "../../session/session";
import { DocumentsToggle } from "../documents/Documents";
import { meetingKinds } from "../documents/model";
import { mayAttachMeetingDocuments } from "../steering/model";
import { TablePageMeetingsQuery } from "./queries";

/** The table's meetings, latest first, with the decisions taken and their documents (minutes). */
export function Meetings({ tableID }: { tableID: string }) {
  const fmt = useFormat();
  const intl = useIntl();
  const session = useSession();
  const [after, setAfter] = useState<string | undefined>();
  const [result] = useQuery({ query: TablePageMeetingsQuery, variables: { tableID, after } });
  const meetings = nodes(result.data?.meetings);
  return (
    <section aria-labelledby="tables-meetings-title" className="mb-5">
      <h2 id="tables-meetings-title" className="h3">
        <FormattedMessage id="tables.meetings.title" />
      </h2>
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data && <Loading />}
      {result.data && meetings.length === 0 && (
        <p>
          <FormattedMessage id="tables.meetings.none" />
        </p>
      )}
      {meetings.map((m) => {
        const decisions = nodes(m.decisions);
        return (
          <article key={m.id} className="card shadow-sm border mb-3">
            <div className="card-body">
              <h3 className="h5">{m.title}</h3>
              <p className="small mb-2">
                <FormattedMessage id="tables.meetings.heldAt" values={{ date: fmt.dateTime(m.heldAt), attendees: m.attendees.totalCount }} />
              </p>
              {m.minutes && <p style={{ whiteSpace: "pre-line" }}>{m.minutes}</p>}
              {decisions.length === 0 ? (
                <p className="mb-0">
                  <FormattedMessage id="tables.meetings.noDecisions" />
                </p>
              ) : (
                <>
                  <h4 className="h6">
                    <FormattedMessage id="tables.meetings.decisions" />
                  </h4>
                  <ul className="mb-0">
                    {decisions.map((d) => (
                      <li key={d.id}>
                        {d.text}
                        {d.case && (
                          <>
                            {" — "}
                            <Link to={`/cases/${d.case.id}`}>{d.case.code}</Link>
                          </>
                        )}
                        {d.protocol && (
                          <>
                            {" — "}
                            <Link to={`/protocols/${d.protocol.id}`}>{d.protocol.title}</Link>
                          </>
                        )}
                        {d.directive && (
                          <>
                            {" — "}
                            <FormattedMessage id="tables.meetings.directive" values={{ title: d.directive.title }} />
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <DocumentsToggle
                ownerID={m.id}
                name={intl.formatMessage({ id: "documents.name.meeting" }, { title: m.title })}
                kinds={meetingKinds}
                mayAttach={mayAttachMeetingDocuments(session, { body: "TABLE", tableID })}
              />
            </div>
          </article>
        );
      })}
      <LoadMore pageInfo={result.data?.meetings.pageInfo} fetching={result.fetching} onMore={setAfter} />
    </section>
  );
}
