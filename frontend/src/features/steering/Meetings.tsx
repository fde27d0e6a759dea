import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "design-react-kit";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation, useQuery } from "urql";
import { today, useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { useSession } from "../../session/session";
import { nodes } from "../../ui/connection";
import { useEnumOptions } from "../../ui/enums";
import type { CommitteeLevel } from "../../gql/graphql";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { applyServerErrors, CheckboxesField, SelectField, TextAreaField, TextField } from "../../ui/fields";
import { LoadMore } from "../../ui/LoadMore";
import { Loading } from "../../ui/Loading";
import { romeDateTime } from "../../i18n/format";
import { DocumentsToggle } from "../documents/Documents";
import { meetingKinds } from "../documents/model";
import { mayAttachMeetingDocuments, mayRecordMeetings, meetingSchema, type MeetingValues } from "./model";
import {
  SteeringCommitteeUsersQuery,
  SteeringDirectiveOptionsQuery,
  SteeringMeetingsQuery,
  SteeringRecordMeetingMutation,
  SteeringTableMembersQuery,
  SteeringTablesQuery,
} from "./queries";
import { Notice } from "../../ui/Notice";
import { FormPanel } from "../../ui/FormPanel";

export function Meetings() {
  const intl = useIntl();
  const session = useSession();
  const fmt = useFormat();
  const enumLabel = useEnumLabel();
  const [after, setAfter] = useState<string | undefined>();
  const [result] = useQuery({ query: SteeringMeetingsQuery, variables: { after } });
  const [open, setOpen] = useState(false);
  const [recorded, setRecorded] = useState<string | null>(null);
  const meetings = nodes(result.data?.meetings);
  const canRecord = mayRecordMeetings(session);
  return (
    <section aria-labelledby="steering-meetings-title">
      <h2 id="steering-meetings-title" className="h3">
        <FormattedMessage id="steering.section.meetings" />
      </h2>
      {recorded && (
        <Notice>
          <FormattedMessage id="steering.meeting.recorded" values={{ title: recorded }} />
        </Notice>
      )}
      {canRecord &&
        (open ? (
          <MeetingForm
            onDone={(title) => {
              setOpen(false);
              setRecorded(title);
            }}
            onCancel={() => setOpen(false)}
          />
        ) : (
          <Button color="primary" className="mb-4" onClick={() => (setOpen(true), setRecorded(null))}>
            <FormattedMessage id="steering.meeting.new" />
          </Button>
        ))}
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data && <Loading />}
      {result.data && meetings.length === 0 && (
        <p>
          <FormattedMessage id="steering.meeting.none" />
        </p>
      )}
      {meetings.map((m) => {
        const decisions = nodes(m.decisions);
        const attendees = nodes(m.attendees);
        return (
          <article key={m.id} className="card shadow-sm border mb-3">
            <div className="card-body">
              <h3 className="h5">{m.title}</h3>
              <p className="small mb-2">
                {fmt.dateTime(m.heldAt)} · {enumLabel("MeetingBody", m.body)}
                {m.table && <> — {m.table.name}</>}
              </p>
              {attendees.length > 0 && (
                <p className="small mb-2">
                  <FormattedMessage id="steering.meeting.attendees" values={{ names: attendees.map((a) => a.name).join(", ") }} />
                </p>
              )}
              {m.minutes && (
                <details className="mb-2">
                  <summary>
                    <FormattedMessage id="steering.meeting.minutes" />
                  </summary>
                  <p style={{ whiteSpace: "pre-line" }} className="mt-2">
                    {m.minutes}
                  </p>
                </details>
              )}
              <h4 className="h6">
                <FormattedMessage id="steering.meeting.decisions" values={{ count: decisions.length }} />
              </h4>
              {decisions.length === 0 ? (
                <p className="small mb-0">
                  <FormattedMessage id="steering.meeting.noDecisions" />
                </p>
              ) : (
                <ol className="mb-0">
                  {decisions.map((d) => (
                    <li key={d.id}>
                      {d.text}
                      {d.directive && (
                        <span className="small">
                          {" "}
                          (<FormattedMessage id="steering.meeting.aboutDirective" values={{ title: d.directive.title }} />)
                        </span>
                      )}
                      {d.protocol && (
                        <span className="small">
                          {" "}
                          (<FormattedMessage id="steering.meeting.aboutProtocol" values={{ title: d.protocol.title }} />)
                        </span>
                      )}
                      {d.case && (
                        <span className="small">
                          {" "}
                          (<FormattedMessage id="steering.meeting.aboutCase" values={{ code: d.case.code }} />)
                        </span>
                      )}
                    </li>
                  ))}
                </ol>
              )}
              <DocumentsToggle
                ownerID={m.id}
                name={intl.formatMessage({ id: "documents.name.meeting" }, { title: m.title })}
                kinds={meetingKinds}
                mayAttach={mayAttachMeetingDocuments(session, { body: m.body, tableID: m.table?.id })}
              />
            </div>
          </article>
        );
      })}
      <LoadMore pageInfo={result.data?.meetings.pageInfo} fetching={result.fetching} onMore={setAfter} />
    </section>
  );
}

function MeetingForm({ onDone, onCancel }: { onDone: (title: string) => void; onCancel: () => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const session = useSession();
  const enumLabel = useEnumLabel();
  const [tablesResult] = useQuery({ query: SteeringTablesQuery });
  const [usersResult] = useQuery({ query: SteeringCommitteeUsersQuery, pause: !session.has("STEERING") });
  const [directivesResult] = useQuery({ query: SteeringDirectiveOptionsQuery });
  const committee = session.has("STEERING");
  const myTables = nodes(tablesResult.data?.tables).filter((x) => session.coordinatedTableIDs.includes(x.id));
  const form = useForm<MeetingValues>({
    resolver: zodResolver(meetingSchema),
    defaultValues: {
      body: committee ? "STEERING_COMMITTEE" : "TABLE",
      tableID: committee ? "" : (myTables[0]?.id ?? session.coordinatedTableIDs[0] ?? ""),
      day: today(),
      time: "10:00",
      title: "",
      minutes: "",
      attendeeIDs: [],
      decisions: [],
    },
  });
  const decisions = useFieldArray({ control: form.control, name: "decisions" });
  const [state, record] = useMutation(SteeringRecordMeetingMutation);
  const body = form.watch("body");
  const tableID = form.watch("tableID");
  const [membersResult] = useQuery({ query: SteeringTableMembersQuery, variables: { id: tableID }, pause: body !== "TABLE" || tableID === "" });
  const table = membersResult.data?.node?.__typename === "Table" ? membersResult.data.node : undefined;
  const bodies = [...(committee ? ["STEERING_COMMITTEE"] : []), ...(myTables.length > 0 ? ["TABLE"] : [])];
  const attendeeOptions =
    body === "TABLE"
      ? nodes(table?.members).map((m) => ({ value: m.user.id, label: m.user.name }))
      : nodes(usersResult.data?.users)
          .filter((u) => u.roles.includes("STEERING"))
          .map((u) => ({ value: u.id, label: u.name }));
  const levelOptions = useEnumOptions("CommitteeLevel");
  const directiveOptions = nodes(directivesResult.data?.directives).map((d) => ({ value: d.id, label: d.title }));
  const submit = form.handleSubmit(async (v) => {
    const attendeeIDs = Array.isArray(v.attendeeIDs) ? v.attendeeIDs : [];
    const r = await record({
      input: {
        body: v.body,
        tableID: v.body === "TABLE" ? v.tableID : undefined,
        heldAt: romeDateTime(v.day, v.time),
        title: v.title.trim(),
        minutes: v.minutes.trim() || undefined,
        attendeeIDs: attendeeIDs.filter((id) => attendeeOptions.some((o) => o.value === id)),
        decisions: v.decisions.map((d) => ({
          text: d.text.trim(),
          directiveID: d.directiveID || undefined,
          // A level belongs to the committee's work only.
          level: v.body === "STEERING_COMMITTEE" && d.level ? (d.level as CommitteeLevel) : undefined,
        })),
      },
    });
    if (r.error) {
      applyServerErrors(form, r.error, { body: "body", tableID: "tableID", heldAt: "day", title: "title", minutes: "minutes" });
      return;
    }
    onDone(v.title.trim());
  });
  return (
    <FormPanel
      title={<FormattedMessage id="steering.meeting.formTitle" />}
      error={state.error}
      submitLabel={<FormattedMessage id="steering.meeting.submit" />}
      busy={state.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
      {bodies.length > 1 && (
        <SelectField form={form} name="body" label={t("steering.meeting.body")} options={bodies.map((b) => ({ value: b, label: enumLabel("MeetingBody", b) }))} />
      )}
      {body === "TABLE" && (
        <SelectField
          form={form}
          name="tableID"
          label={t("steering.meeting.table")}
          placeholder={t("steering.meeting.chooseTable")}
          options={myTables.map((x) => ({ value: x.id, label: x.name }))}
        />
      )}
      <div className="row">
        <div className="col-sm-6">
          <TextField form={form} name="day" type="date" label={t("steering.meeting.day")} />
        </div>
        <div className="col-sm-6">
          <TextField form={form} name="time" type="time" label={t("steering.meeting.time")} />
        </div>
      </div>
      <TextField form={form} name="title" label={t("steering.meeting.agenda")} />
      <TextAreaField form={form} name="minutes" label={t("steering.meeting.minutesLabel")} hint={t("steering.meeting.minutesHint")} rows={5} />
      {attendeeOptions.length > 0 && <CheckboxesField form={form} name="attendeeIDs" label={t("steering.meeting.attendeesLabel")} options={attendeeOptions} />}
      <fieldset className="mb-3">
        <legend className="form-label fw-semibold fs-6">
          <FormattedMessage id="steering.meeting.decisionsLabel" />
        </legend>
        {decisions.fields.map((f, i) => (
          <div key={f.id} className="border rounded p-3 mb-2">
            <TextAreaField form={form} name={`decisions.${i}.text`} label={intl.formatMessage({ id: "steering.meeting.decisionText" }, { n: i + 1 })} rows={2} />
            <SelectField
              form={form}
              name={`decisions.${i}.directiveID`}
              label={intl.formatMessage({ id: "steering.meeting.decisionDirective" }, { n: i + 1 })}
              placeholder={t("steering.meeting.noDirective")}
              options={directiveOptions}
            />
            {body === "STEERING_COMMITTEE" && (
              <SelectField
                form={form}
                name={`decisions.${i}.level`}
                label={intl.formatMessage({ id: "steering.meeting.decisionLevel" }, { n: i + 1 })}
                placeholder={t("steering.meeting.noLevel")}
                options={levelOptions}
              />
            )}
            <Button type="button" color="danger" outline size="sm" onClick={() => decisions.remove(i)}>
              <FormattedMessage id="steering.meeting.removeDecision" values={{ n: i + 1 }} />
            </Button>
          </div>
        ))}
        <Button type="button" color="primary" outline size="sm" onClick={() => decisions.append({ text: "", directiveID: "", level: "" })}>
          <FormattedMessage id="steering.meeting.addDecision" />
        </Button>
      </fieldset>
    </FormPanel>
  );
}
