import { Button } from "design-react-kit";
import { useId, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import { useFormat } from "../../i18n/format";
import { useSession } from "../../session/session";
import { nodes } from "../../ui/connection";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FormActions } from "../../ui/FormPanel";
import { LoadMore } from "../../ui/LoadMore";
import { Loading } from "../../ui/Loading";
import { mayAcknowledge } from "./access";
import { TablePageAcknowledgeMutation, TablePageDirectivesQuery } from "./queries";
import { Notice } from "../../ui/Notice";

/** The committee's directives addressed to the table, and whether the table took note of them. */
export function TableDirectives({ tableID }: { tableID: string }) {
  const fmt = useFormat();
  const session = useSession();
  const canAck = mayAcknowledge(session, tableID);
  const [after, setAfter] = useState<string | undefined>();
  const [result, refetch] = useQuery({ query: TablePageDirectivesQuery, variables: { tableID, after } });
  const directives = nodes(result.data?.directives);
  return (
    <section aria-labelledby="tables-directives-title" className="mb-5">
      <h2 id="tables-directives-title" className="h3">
        <FormattedMessage id="tables.directives.title" />
      </h2>
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data && <Loading />}
      {result.data && directives.length === 0 && (
        <p>
          <FormattedMessage id="tables.directives.none" />
        </p>
      )}
      {directives.map((d) => {
        const ack = nodes(d.acknowledgements)[0];
        return (
          <article key={d.id} className="card shadow-sm border mb-3">
            <div className="card-body">
              <h3 className="h5">{d.title}</h3>
              <p className="small mb-2">
                <FormattedMessage id="tables.directives.issuedOn" values={{ date: fmt.date(d.issuedOn) }} />
                {" · "}
                <FormattedMessage id={d.allTables ? "tables.directives.toAll" : "tables.directives.toSome"} />
                {d.dueOn && (
                  <>
                    {" · "}
                    <FormattedMessage id="tables.directives.dueOn" values={{ date: fmt.date(d.dueOn) }} />
                  </>
                )}
              </p>
              <p style={{ whiteSpace: "pre-line" }}>{d.body}</p>
              {ack ? (
                <p className="fw-semibold mb-0">
                  <FormattedMessage
                    id="tables.directives.acknowledged"
                    values={{ date: fmt.date(ack.acknowledgedAt), by: ack.acknowledgedBy?.name ?? "—" }}
                  />
                  {ack.note && <span className="fw-normal"> — {ack.note}</span>}
                </p>
              ) : (
                <>
                  <p className="fw-semibold mb-2">
                    <FormattedMessage id="tables.directives.notAcknowledged" />
                  </p>
                  {canAck && <AcknowledgeForm directiveID={d.id} title={d.title} tableID={tableID} onDone={() => refetch({ requestPolicy: "network-only" })} />}
                </>
              )}
              {canAck && (
                // Progress is recorded where the committee follows it, table by table.
                <p className="mt-2 mb-0">
                  <Link to="/steering?section=directives">
                    <FormattedMessage id="tables.directives.recordProgress" />
                  </Link>
                </p>
              )}
            </div>
          </article>
        );
      })}
      <LoadMore pageInfo={result.data?.directives.pageInfo} fetching={result.fetching} onMore={setAfter} />
    </section>
  );
}

function AcknowledgeForm({ directiveID, title, tableID, onDone }: { directiveID: string; title: string; tableID: string; onDone: () => void }) {
  const intl = useIntl();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [state, acknowledge] = useMutation(TablePageAcknowledgeMutation);
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <Notice>
        <FormattedMessage id="tables.directives.acknowledgedNow" />
      </Notice>
    );
  }
  if (!open) {
    return (
      <Button color="primary" onClick={() => setOpen(true)} aria-label={intl.formatMessage({ id: "tables.directives.acknowledgeNamed" }, { title })}>
        <FormattedMessage id="tables.directives.acknowledge" />
      </Button>
    );
  }
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await acknowledge({ id: directiveID, tableID, note: note.trim() || null });
        if (!r.error) {
          setDone(true);
          onDone();
        }
      }}
    >
      <ErrorAlert error={state.error} />
      <div className="mb-3">
        <label htmlFor={id} className="form-label fw-semibold">
          <FormattedMessage id="tables.directives.note" />
        </label>
        <textarea id={id} className="form-control" rows={3} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={`${id}-hint`} />
        <small id={`${id}-hint`} className="form-text d-block">
          <FormattedMessage id="tables.directives.noteHint" />
        </small>
      </div>
      <FormActions submitLabel={<FormattedMessage id="tables.directives.confirm" />} busy={state.fetching} onCancel={() => setOpen(false)} />
    </form>
  );
}
