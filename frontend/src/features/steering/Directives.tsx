import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "design-react-kit";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation, useQuery } from "urql";
import { today, useFormat } from "../../i18n/format";
import { useSession } from "../../session/session";
import { nodes } from "../../ui/connection";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { applyServerErrors, CheckboxesField, TextAreaField, TextField } from "../../ui/fields";
import { LoadMore } from "../../ui/LoadMore";
import { Loading } from "../../ui/Loading";
import { directiveSchema, mayIssueDirectives, pendingTables, type DirectiveValues } from "./model";
import { SteeringDirectivesQuery, SteeringIssueDirectiveMutation, SteeringTablesQuery } from "./queries";
import { Notice } from "../../ui/Notice";
import { FormPanel } from "../../ui/FormPanel";

export function Directives() {
  const session = useSession();
  const fmt = useFormat();
  const [after, setAfter] = useState<string | undefined>();
  const [result] = useQuery({ query: SteeringDirectivesQuery, variables: { after } });
  const [tablesResult] = useQuery({ query: SteeringTablesQuery });
  const allTables = nodes(tablesResult.data?.tables);
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<string | null>(null);
  const directives = nodes(result.data?.directives);
  return (
    <section aria-labelledby="steering-directives-title">
      <h2 id="steering-directives-title" className="h3">
        <FormattedMessage id="steering.section.directives" />
      </h2>
      {issued && (
        <Notice>
          <FormattedMessage id="steering.directive.issued" values={{ title: issued }} />
        </Notice>
      )}
      {mayIssueDirectives(session) &&
        (open ? (
          <DirectiveForm
            tables={allTables}
            onDone={(title) => {
              setOpen(false);
              setIssued(title);
            }}
            onCancel={() => setOpen(false)}
          />
        ) : (
          <Button color="primary" className="mb-4" onClick={() => (setOpen(true), setIssued(null))}>
            <FormattedMessage id="steering.directive.new" />
          </Button>
        ))}
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data && <Loading />}
      {result.data && directives.length === 0 && (
        <p>
          <FormattedMessage id="steering.directive.none" />
        </p>
      )}
      {directives.map((d) => {
        const addressed = d.allTables ? allTables : nodes(d.tables);
        const acks = nodes(d.acknowledgements);
        const pending = pendingTables(
          addressed,
          acks.map((a) => a.table.id),
        );
        return (
          <article key={d.id} className="card shadow-sm border mb-3">
            <div className="card-body">
              <h3 className="h5">{d.title}</h3>
              <p className="small mb-2">
                <FormattedMessage id="steering.directive.issuedOn" values={{ date: fmt.date(d.issuedOn) }} />
                {" · "}
                {d.allTables ? (
                  <FormattedMessage id="steering.directive.allTables" />
                ) : (
                  <FormattedMessage id="steering.directive.tables" values={{ tables: nodes(d.tables).map((t) => t.name).join(", ") }} />
                )}
              </p>
              <p style={{ whiteSpace: "pre-line" }}>{d.body}</p>
              <p className="fw-semibold mb-1">
                {pending.length === 0 && addressed.length > 0 ? (
                  <FormattedMessage id="steering.directive.allAcknowledged" values={{ count: acks.length }} />
                ) : (
                  <FormattedMessage id="steering.directive.acknowledgedCount" values={{ done: acks.length, total: addressed.length }} />
                )}
              </p>
              {pending.length > 0 && (
                <p className="small mb-1">
                  <FormattedMessage id="steering.directive.pending" values={{ tables: pending.map((t) => t.name).join(", ") }} />
                </p>
              )}
              {acks.length > 0 && (
                <details>
                  <summary>
                    <FormattedMessage id="steering.directive.showAcknowledgements" />
                  </summary>
                  <ul className="mt-2">
                    {acks.map((a) => (
                      <li key={a.id}>
                        <FormattedMessage
                          id="steering.directive.acknowledgement"
                          values={{ table: a.table.name, date: fmt.date(a.acknowledgedAt), by: a.acknowledgedBy?.name ?? "—" }}
                        />
                        {a.note && <span> — {a.note}</span>}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </div>
          </article>
        );
      })}
      <LoadMore pageInfo={result.data?.directives.pageInfo} fetching={result.fetching} onMore={setAfter} />
    </section>
  );
}

function DirectiveForm({ tables, onDone, onCancel }: { tables: { id: string; name: string }[]; onDone: (title: string) => void; onCancel: () => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const form = useForm<DirectiveValues>({
    resolver: zodResolver(directiveSchema),
    defaultValues: { title: "", body: "", issuedOn: today(), allTables: true, tableIDs: [] },
  });
  const [state, issue] = useMutation(SteeringIssueDirectiveMutation);
  const all = form.watch("allTables");
  const submit = form.handleSubmit(async (v) => {
    const r = await issue({
      input: {
        title: v.title.trim(),
        body: v.body.trim(),
        issuedOn: v.issuedOn,
        allTables: v.allTables,
        tableIDs: v.allTables ? undefined : v.tableIDs,
      },
    });
    if (r.error) {
      applyServerErrors(form, r.error, { title: "title", body: "body", issuedOn: "issuedOn", tableIDs: "tableIDs" });
      return;
    }
    onDone(v.title.trim());
  });
  return (
    <FormPanel
      title={<FormattedMessage id="steering.directive.formTitle" />}
      error={state.error}
      submitLabel={<FormattedMessage id="steering.directive.submit" />}
      busy={state.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField form={form} name="title" label={t("steering.directive.title")} />
      <TextAreaField form={form} name="body" label={t("steering.directive.body")} rows={5} />
      <TextField form={form} name="issuedOn" type="date" label={t("steering.directive.issuedOnLabel")} />
      <div className="form-check mb-3">
        <input id="steering-directive-all" type="checkbox" className="form-check-input" {...form.register("allTables")} />
        <label htmlFor="steering-directive-all" className="form-check-label">
          <FormattedMessage id="steering.directive.allTablesLabel" />
        </label>
      </div>
      {!all && (
        <CheckboxesField
          form={form}
          name="tableIDs"
          label={t("steering.directive.tablesLabel")}
          options={tables.map((x) => ({ value: x.id, label: x.name }))}
        />
      )}
    </FormPanel>
  );
}
