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
import { applyServerErrors, CheckboxesField, SelectField, TextAreaField, TextField } from "../../ui/fields";
import { LoadMore } from "../../ui/LoadMore";
import { Loading } from "../../ui/Loading";
import { useEnumOptions } from "../../ui/enums";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import type { SteeringDirectivesQuery as DirectivesData } from "../../gql/graphql";
import { Documents, DocumentsToggle } from "../documents/Documents";
import { commitmentKinds } from "../documents/model";
import {
  directiveSchema,
  directiveSummary,
  mayIssueDirectives,
  type DirectiveStep,
  type DirectiveValues,
  type SteeringViewer,
} from "./model";
import { DirectiveProgressActions } from "./DirectiveProgressActions";
import { SteeringDirectivesQuery, SteeringIssueDirectiveMutation, SteeringTablesQuery } from "./queries";
import { Notice } from "../../ui/Notice";
import { FormPanel } from "../../ui/FormPanel";

export function Directives() {
  const session = useSession();
  const [after, setAfter] = useState<string | undefined>();
  const [result] = useQuery({ query: SteeringDirectivesQuery, variables: { after } });
  const [tablesResult] = useQuery({ query: SteeringTablesQuery });
  const allTables = nodes(tablesResult.data?.tables);
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<string | null>(null);
  // Kept here, not in the row: the list is fetched again after the
  // mutation and the row may be drawn anew, yet the offer to attach a
  // document must stay.
  const [implemented, setImplemented] = useState<Record<string, string>>({});
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
      {directives.map((d) => (
        <DirectiveCard key={d.id} directive={d} viewer={session} implemented={implemented} onImplemented={(key, id) => setImplemented((m) => ({ ...m, [key]: id }))} />
      ))}
      <LoadMore pageInfo={result.data?.directives.pageInfo} fetching={result.fetching} onMore={setAfter} />
    </section>
  );
}

function DirectiveForm({ tables, onDone, onCancel }: { tables: { id: string; name: string }[]; onDone: (title: string) => void; onCancel: () => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const form = useForm<DirectiveValues>({
    resolver: zodResolver(directiveSchema),
    defaultValues: { title: "", body: "", issuedOn: today(), dueOn: "", level: "STRATEGIC", allTables: true, tableIDs: [] },
  });
  const [state, issue] = useMutation(SteeringIssueDirectiveMutation);
  const levelOptions = useEnumOptions("CommitteeLevel");
  const all = form.watch("allTables");
  const submit = form.handleSubmit(async (v) => {
    const r = await issue({
      input: {
        title: v.title.trim(),
        body: v.body.trim(),
        issuedOn: v.issuedOn,
        dueOn: v.dueOn,
        level: v.level,
        allTables: v.allTables,
        tableIDs: v.allTables ? undefined : v.tableIDs,
      },
    });
    if (r.error) {
      applyServerErrors(form, r.error, { title: "title", body: "body", issuedOn: "issuedOn", dueOn: "dueOn", level: "level", tableIDs: "tableIDs" });
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
      <TextField form={form} name="dueOn" type="date" label={t("steering.directive.dueOnLabel")} hint={t("steering.directive.dueOnHint")} />
      <SelectField form={form} name="level" label={t("steering.directive.levelLabel")} options={levelOptions} />
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

type DirectiveNode = NonNullable<NonNullable<NonNullable<DirectivesData["directives"]["edges"]>[number]>["node"]>;

/** One directive: its text, deadline and level, and where each addressed table stands. */
export function DirectiveCard({
  directive: d,
  viewer,
  implemented = {},
  onImplemented = () => {},
}: {
  directive: DirectiveNode;
  viewer: SteeringViewer;
  /** The acknowledgement just implemented, by "directive:table", to offer attaching a document. */
  implemented?: Record<string, string>;
  onImplemented?: (key: string, ackID: string) => void;
}) {
  const fmt = useFormat();
  const label = useEnumLabel();
  const summary = directiveSummary(d.progress);
  return (
    <article className="card shadow-sm border mb-3" aria-labelledby={`directive-${d.id}`}>
      <div className="card-body">
        <h3 className="h5" id={`directive-${d.id}`}>
          {d.title}
        </h3>
        <p className="small mb-2">
          <FormattedMessage id="steering.directive.issuedOn" values={{ date: fmt.date(d.issuedOn) }} />
          {d.dueOn && (
            <>
              {" · "}
              <FormattedMessage id="steering.directive.dueOn" values={{ date: fmt.date(d.dueOn) }} />
            </>
          )}
          {" · "}
          <FormattedMessage id="steering.directive.level" values={{ level: label("CommitteeLevel", d.level) }} />
          {" · "}
          {d.allTables ? (
            <FormattedMessage id="steering.directive.allTables" />
          ) : (
            <FormattedMessage id="steering.directive.tables" values={{ tables: nodes(d.tables).map((t) => t.name).join(", ") }} />
          )}
        </p>
        <p style={{ whiteSpace: "pre-line" }}>{d.body}</p>
        {summary.total > 0 && (
          <p className="fw-semibold mb-1">
            <FormattedMessage id="steering.directive.summary" values={{ done: summary.implemented, total: summary.total }} />
            {summary.notApplicable > 0 && (
              <>
                {"; "}
                <FormattedMessage id="steering.directive.summaryNotApplicable" values={{ count: summary.notApplicable }} />
              </>
            )}
            {summary.late > 0 && (
              <>
                {"; "}
                <FormattedMessage id="steering.directive.summaryLate" values={{ count: summary.late }} />
              </>
            )}
          </p>
        )}
        {d.progress.length > 0 && (
          <ul className="list-unstyled mb-0">
            {d.progress.map((p) => (
              <TableProgress
                key={p.table.id}
                directive={d}
                row={p}
                viewer={viewer}
                implementedID={implemented[`${d.id}:${p.table.id}`] ?? null}
                onImplemented={(id) => onImplemented(`${d.id}:${p.table.id}`, id)}
              />
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}

type ProgressRow = DirectiveNode["progress"][number];

function TableProgress({
  directive: d,
  row,
  viewer,
  implementedID,
  onImplemented,
}: {
  directive: DirectiveNode;
  row: ProgressRow;
  viewer: SteeringViewer;
  implementedID: string | null;
  onImplemented: (ackID: string) => void;
}) {
  const intl = useIntl();
  const fmt = useFormat();
  const label = useEnumLabel();
  const p = row.progress;
  const documentsName = intl.formatMessage({ id: "steering.directive.progressDocuments" }, { title: d.title, table: row.table.name });
  return (
    <li className="border-top py-2">
      <span className="fw-semibold">{row.table.name}</span>
      {": "}
      {p ? label("DirectiveAcknowledgementStatus", p.status) : <FormattedMessage id="steering.directive.notAcknowledged" />}
      {p?.statusOn && <> — {fmt.date(p.statusOn)}</>}
      {row.late && (
        <span className="badge bg-danger ms-2">
          <FormattedMessage id="steering.directive.late" />
        </span>
      )}
      {p?.evidence && (
        <span className="d-block small">
          <FormattedMessage id="steering.directive.evidence" values={{ text: p.evidence }} />
        </span>
      )}
      {p?.reason && (
        <span className="d-block small">
          <FormattedMessage id="steering.directive.reason" values={{ text: p.reason }} />
        </span>
      )}
      <DirectiveProgressActions
        directive={d}
        table={row.table}
        status={p?.status as DirectiveStep | undefined}
        viewer={viewer}
        onRecorded={(step, ackID) => {
          if (step === "IMPLEMENTED") {
            onImplemented(ackID);
          }
        }}
      />
      {implementedID ? (
        <div className="mt-2">
          <p className="small mb-1">
            <FormattedMessage id="steering.directive.attachHint" />
          </p>
          <Documents ownerID={implementedID} name={documentsName} kinds={commitmentKinds} mayAttach />
        </div>
      ) : (
        p && (
          <DocumentsToggle ownerID={p.id} name={documentsName} kinds={commitmentKinds} mayAttach={viewer.coordinatedTableIDs.includes(row.table.id)} />
        )
      )}
    </li>
  );
}
