import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "design-react-kit";
import { useId, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation, useQuery } from "urql";
import type { CommunityActivityFieldsFragment as ActivityData, CommunityActivityKind, CommunityIndicatorCellsFragment as Cells, OutcomeValueDimension } from "../../gql/graphql";
import { today, useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { governs, readsNetwork, useSession } from "../../session/session";
import { nodes } from "../../ui/connection";
import { useEnumOptions } from "../../ui/enums";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { applyServerErrors, CheckboxesField, SelectField, TextAreaField, TextField, type Option } from "../../ui/fields";
import { FormPanel } from "../../ui/FormPanel";
import { LoadMore } from "../../ui/LoadMore";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import { useOrganizationOptions } from "../../ui/organizations";
import { usePageTitle } from "../../ui/usePageTitle";
import { toIndicatorFilter, wholeMonths, defaultFilter } from "../dashboard/filters";
import { activitySchema, activityWhere, defaultActivityFilter, NETWORK, organizerChanges, type ActivityFilter, type ActivityValues } from "./model";
import {
  CommunityActivitiesQuery,
  CommunityCreateActivityMutation,
  CommunityOptionsQuery,
  CommunitySummaryQuery,
  CommunityUpdateActivityMutation,
} from "./queries";

// The network's activities for the community — workshops, events,
// training, campaigns — with their organisers and a count of
// participants, never who. Every signed-in user reads them; the
// committee and administrators record and edit them. Those who read the
// indicators see a summary of the period beside the list.

export function Community() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "community.title" }));
  const session = useSession();
  const writes = governs(session);
  const [filter, setFilter] = useState<ActivityFilter>(() => defaultActivityFilter(today()));
  const where = useMemo(() => activityWhere(filter), [filter]);
  const [after, setAfter] = useState<string | undefined>();
  const [result, refetch] = useQuery({ query: CommunityActivitiesQuery, variables: { after, where } });
  const [options] = useQuery({ query: CommunityOptionsQuery, pause: false });
  const organizations = useOrganizationOptions();
  const [editing, setEditing] = useState<ActivityData | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const activities = nodes(result.data?.communityActivities);
  const opts = {
    municipalities: nodes(options.data?.municipalities).map((m) => ({ value: m.id, label: m.name })),
    organizations,
    protocols: nodes(options.data?.protocols).map((p) => ({ value: p.id, label: p.title })),
    directives: nodes(options.data?.directives).map((d) => ({ value: d.id, label: d.title })),
  };
  const changeFilter = (f: ActivityFilter) => {
    setAfter(undefined);
    setFilter(f);
  };
  return (
    <>
      <h1>
        <FormattedMessage id="community.title" />
      </h1>
      {notice && <Notice>{notice}</Notice>}
      {writes &&
        (editing ? (
          <ActivityForm
            key={editing === "new" ? "new" : editing.id}
            activity={editing === "new" ? undefined : editing}
            options={opts}
            onDone={(title) => {
              setEditing(null);
              setNotice(intl.formatMessage({ id: editing === "new" ? "community.created" : "community.updated" }, { title }));
              refetch({ requestPolicy: "network-only" });
            }}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <Button color="primary" className="mb-4" onClick={() => (setNotice(null), setEditing("new"))}>
            <FormattedMessage id="community.new" />
          </Button>
        ))}
      <Filters filter={filter} municipalities={opts.municipalities} onChange={changeFilter} />
      {(readsNetwork(session) || session.coordinatedTableIDs.length > 0) && <Summary filter={filter} monthsOnly={readsNetwork(session)} />}
      <section aria-labelledby="community-list-title">
        <h2 id="community-list-title" className="h3">
          <FormattedMessage id="community.list" />
        </h2>
        <ErrorAlert error={result.error} />
        {result.fetching && !result.data && <Loading />}
        {result.data && activities.length === 0 && (
          <p>
            <FormattedMessage id="community.none" />
          </p>
        )}
        {activities.map((a) => (
          <ActivityCard key={a.id} activity={a} onEdit={writes ? () => (setNotice(null), setEditing(a)) : undefined} />
        ))}
        <LoadMore pageInfo={result.data?.communityActivities.pageInfo} fetching={result.fetching} onMore={setAfter} />
      </section>
    </>
  );
}

function ActivityCard({ activity: a, onEdit }: { activity: ActivityData; onEdit?: () => void }) {
  const intl = useIntl();
  const fmt = useFormat();
  const enumLabel = useEnumLabel();
  return (
    <article className="card shadow-sm border mb-3">
      <div className="card-body">
        <h3 className="h5">{a.title}</h3>
        <p className="small mb-2">
          {fmt.date(a.heldOn)} · {enumLabel("CommunityActivityKind", a.kind)} · {enumLabel("OutcomeValueDimension", a.valueDimension)} ·{" "}
          {a.municipality?.name ?? intl.formatMessage({ id: "community.network" })}
        </p>
        <p className="mb-1">
          <FormattedMessage id="community.participantsCount" values={{ count: a.participants }} />
        </p>
        <p className="mb-1">
          <FormattedMessage id="community.organizedBy" values={{ bodies: nodes(a.organizers).map((o) => o.name).join(", ") || "—" }} />
        </p>
        {a.protocol && (
          <p className="small mb-1">
            <FormattedMessage id="community.protocolOf" values={{ title: a.protocol.title }} />
          </p>
        )}
        {a.directive && (
          <p className="small mb-1">
            <FormattedMessage id="community.directiveOf" values={{ title: a.directive.title }} />
          </p>
        )}
        {a.description && <p style={{ whiteSpace: "pre-line" }}>{a.description}</p>}
        {onEdit && (
          <Button size="xs" color="primary" outline onClick={onEdit} aria-label={intl.formatMessage({ id: "community.editFor" }, { title: a.title })}>
            <FormattedMessage id="community.edit" />
          </Button>
        )}
      </div>
    </article>
  );
}

function Filters({ filter, municipalities, onChange }: { filter: ActivityFilter; municipalities: Option[]; onChange: (f: ActivityFilter) => void }) {
  const intl = useIntl();
  const id = useId();
  const kinds = useEnumOptions("CommunityActivityKind");
  const dimensions = useEnumOptions("OutcomeValueDimension");
  const all = intl.formatMessage({ id: "community.filter.all" });
  return (
    <form aria-label={intl.formatMessage({ id: "community.filter.title" })} className="row g-3 mb-4" onSubmit={(e) => e.preventDefault()}>
      <div className="col-md-2">
        <label htmlFor={`${id}-from`} className="form-label">
          <FormattedMessage id="community.filter.from" />
        </label>
        <input id={`${id}-from`} type="date" className="form-control" value={filter.from} onChange={(e) => onChange({ ...filter, from: e.target.value })} />
      </div>
      <div className="col-md-2">
        <label htmlFor={`${id}-to`} className="form-label">
          <FormattedMessage id="community.filter.to" />
        </label>
        <input id={`${id}-to`} type="date" className="form-control" value={filter.to} onChange={(e) => onChange({ ...filter, to: e.target.value })} />
      </div>
      <div className="col-md-3">
        <label htmlFor={`${id}-mun`} className="form-label">
          <FormattedMessage id="community.filter.municipality" />
        </label>
        <select id={`${id}-mun`} className="form-select" value={filter.municipality} onChange={(e) => onChange({ ...filter, municipality: e.target.value })}>
          <option value="">{all}</option>
          <option value={NETWORK}>{intl.formatMessage({ id: "community.network" })}</option>
          {municipalities.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <div className="col-md-2">
        <label htmlFor={`${id}-kind`} className="form-label">
          <FormattedMessage id="community.filter.kind" />
        </label>
        <select id={`${id}-kind`} className="form-select" value={filter.kind} onChange={(e) => onChange({ ...filter, kind: e.target.value as CommunityActivityKind | "" })}>
          <option value="">{all}</option>
          {kinds.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <div className="col-md-3">
        <label htmlFor={`${id}-dim`} className="form-label">
          <FormattedMessage id="community.filter.valueDimension" />
        </label>
        <select
          id={`${id}-dim`}
          className="form-select"
          value={filter.valueDimension}
          onChange={(e) => onChange({ ...filter, valueDimension: e.target.value as OutcomeValueDimension | "" })}
        >
          <option value="">{all}</option>
          {dimensions.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

/**
 * Activities and participants of the chosen period by value dimension and
 * by municipality. The committee and analysts are answered whole months
 * already over only, so their period is widened or cut to those, as on
 * the dashboard, and the summary says which.
 */
function Summary({ filter, monthsOnly }: { filter: ActivityFilter; monthsOnly: boolean }) {
  const fmt = useFormat();
  const enumLabel = useEnumLabel();
  const day = today();
  const period = useMemo(() => {
    const base = { ...defaultFilter(day), from: filter.from, to: filter.to };
    return monthsOnly ? wholeMonths(base, day) : base;
  }, [filter.from, filter.to, monthsOnly, day]);
  const empty = period.from > period.to;
  const [result] = useQuery({ query: CommunitySummaryQuery, variables: { filter: toIndicatorFilter(period, "community") }, pause: empty });
  const ix = result.data?.indicators;
  const table = (
    activities: Cells,
    participants: Cells,
    label: (key: string, label: string) => string,
    caption: string,
  ) => {
    const a = activities.cells;
    const p = participants.cells;
    const partOf = new Map(p.map((c) => [c.keys[0]?.key ?? "", c]));
    return (
      <table className="table table-sm">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{caption}</th>
            <th scope="col">
              <FormattedMessage id="community.summary.activities" />
            </th>
            <th scope="col">
              <FormattedMessage id="community.summary.participants" />
            </th>
          </tr>
        </thead>
        <tbody>
          {a.map((c) => {
            const key = c.keys[0]?.key ?? "";
            const part = partOf.get(key);
            return (
              <tr key={key}>
                <th scope="row">{label(key, c.keys[0]?.label ?? key)}</th>
                <td>{c.suppressed ? "—" : fmt.number(c.value)}</td>
                <td>{!part || part.suppressed ? "—" : fmt.number(part.value)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    );
  };
  const intl = useIntl();
  return (
    <section aria-labelledby="community-summary-title" className="mb-4">
      <h2 id="community-summary-title" className="h3">
        <FormattedMessage id="community.summary.title" />
      </h2>
      <p className="small">
        <FormattedMessage id={monthsOnly ? "community.summary.periodMonths" : "community.summary.period"} values={{ from: fmt.date(period.from), to: fmt.date(period.to) }} />
      </p>
      {empty && (
        <p>
          <FormattedMessage id="community.summary.noMonths" />
        </p>
      )}
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data && <Loading />}
      {ix && !empty && (
        <div className="row">
          <div className="col-md-6">
            {table(ix.byDimension, ix.participantsByDimension, (key) => enumLabel("OutcomeValueDimension", key), intl.formatMessage({ id: "community.summary.byDimension" }))}
          </div>
          <div className="col-md-6">
            {/* The API's empty key is an activity with no municipality: one across the network. */}
            {table(
              ix.byMunicipality,
              ix.participantsByMunicipality,
              (key, label) => (key ? label : intl.formatMessage({ id: "community.network" })),
              intl.formatMessage({ id: "community.summary.byMunicipality" }),
            )}
          </div>
        </div>
      )}
    </section>
  );
}

function ActivityForm({
  activity,
  options,
  onDone,
  onCancel,
}: {
  activity?: ActivityData;
  options: { municipalities: Option[]; organizations: Option[]; protocols: Option[]; directives: Option[] };
  onDone: (title: string) => void;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const kinds = useEnumOptions("CommunityActivityKind");
  const dimensions = useEnumOptions("OutcomeValueDimension");
  const before = activity ? nodes(activity.organizers).map((o) => o.id) : [];
  const form = useForm<ActivityValues>({
    resolver: zodResolver(activitySchema),
    defaultValues: activity
      ? {
          title: activity.title,
          kind: activity.kind,
          heldOn: activity.heldOn,
          municipalityID: activity.municipality?.id ?? "",
          organizerIDs: before,
          participants: String(activity.participants),
          valueDimension: activity.valueDimension,
          protocolID: activity.protocol?.id ?? "",
          directiveID: activity.directive?.id ?? "",
          description: activity.description ?? "",
        }
      : { title: "", heldOn: today(), municipalityID: "", organizerIDs: [], participants: "", protocolID: "", directiveID: "", description: "" },
  });
  const [created, create] = useMutation(CommunityCreateActivityMutation);
  const [updated, update] = useMutation(CommunityUpdateActivityMutation);
  const fields = {
    title: "title",
    kind: "kind",
    heldOn: "heldOn",
    participants: "participants",
    valueDimension: "valueDimension",
    description: "description",
    municipalityID: "municipalityID",
    organizerIDs: "organizerIDs",
    addOrganizerIDs: "organizerIDs",
    removeOrganizerIDs: "organizerIDs",
    protocolID: "protocolID",
    directiveID: "directiveID",
  } as const;
  const submit = form.handleSubmit(async (v) => {
    const common = {
      title: v.title.trim(),
      kind: v.kind,
      heldOn: v.heldOn,
      participants: Number(v.participants),
      valueDimension: v.valueDimension,
    };
    const description = v.description.trim();
    let r;
    if (activity) {
      const { add, remove } = organizerChanges(before, v.organizerIDs);
      r = await update({
        id: activity.id,
        input: {
          ...common,
          ...(description ? { description } : { clearDescription: true }),
          ...(v.municipalityID ? { municipalityID: v.municipalityID } : { clearMunicipality: true }),
          ...(v.protocolID ? { protocolID: v.protocolID } : { clearProtocol: true }),
          ...(v.directiveID ? { directiveID: v.directiveID } : { clearDirective: true }),
          addOrganizerIDs: add.length ? add : undefined,
          removeOrganizerIDs: remove.length ? remove : undefined,
        },
      });
    } else {
      r = await create({
        input: {
          ...common,
          description: description || undefined,
          municipalityID: v.municipalityID || undefined,
          organizerIDs: v.organizerIDs,
          protocolID: v.protocolID || undefined,
          directiveID: v.directiveID || undefined,
        },
      });
    }
    if (r.error) {
      applyServerErrors(form, r.error, fields);
      return;
    }
    onDone(common.title);
  });
  return (
    <FormPanel
      level={2}
      title={<FormattedMessage id={activity ? "community.editTitle" : "community.new"} />}
      error={activity ? updated.error : created.error}
      submitLabel={<FormattedMessage id={activity ? "community.save" : "community.submit"} />}
      busy={created.fetching || updated.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField form={form} name="title" label={t("community.field.title")} />
      <SelectField form={form} name="kind" label={t("community.field.kind")} placeholder={t("community.field.choose")} options={kinds} />
      <TextField form={form} name="heldOn" type="date" label={t("community.field.heldOn")} />
      <SelectField form={form} name="municipalityID" label={t("community.field.municipality")} placeholder={t("community.network")} options={options.municipalities} />
      <CheckboxesField form={form} name="organizerIDs" label={t("community.field.organizers")} options={options.organizations} />
      <TextField form={form} name="participants" type="number" min={0} label={t("community.field.participants")} />
      <SelectField form={form} name="valueDimension" label={t("community.field.valueDimension")} placeholder={t("community.field.choose")} options={dimensions} />
      <SelectField form={form} name="protocolID" label={t("community.field.protocol")} placeholder={t("community.field.none")} options={options.protocols} />
      <SelectField form={form} name="directiveID" label={t("community.field.directive")} placeholder={t("community.field.none")} options={options.directives} />
      <TextAreaField form={form} name="description" label={t("community.field.description")} hint={t("community.field.descriptionHint")} rows={4} />
    </FormPanel>
  );
}
