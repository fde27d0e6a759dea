import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "design-react-kit";
import { useId, useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver, type UseFormReturn } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation, type CombinedError } from "urql";
import type { z } from "zod";
import { graphql } from "../../gql";
import type { AgendaIncomingRequestFragment } from "../../gql/graphql";
import { today as todayInItaly, useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { useEnumOptions } from "../../ui/enums";
import { applyServerErrors, SelectField, TextAreaField, TextField } from "../../ui/fields";
import { FormPanel } from "../../ui/FormPanel";
import { YesNoField } from "../cases/actions/fields";
import { RequestOverdueBadge, RequestStatusBadge } from "../cases/ServiceRequests";
import { acceptSchema, completeSchema, declineSchema } from "./answers";
import { DueText } from "./DueText";

// A service request addressed to the viewer's organisation, as its
// operators answer it: what is asked, by which table and member, the
// contact data shared with them; accepted with the day the service
// starts, or declined with a reason; once accepted, how it ended. The
// organisation does not read the case: the answers are written on the
// case's timeline for its table.

const AcceptMutation = graphql(`
  mutation AgendaAcceptServiceRequest($id: ID!, $plannedStart: Date!, $note: String) {
    acceptServiceRequest(id: $id, plannedStart: $plannedStart, note: $note) {
      id
      status
      answeredOn
      plannedStart
    }
  }
`);

const DeclineMutation = graphql(`
  mutation AgendaDeclineServiceRequest($id: ID!, $reason: ServiceRequestDeclineReason!, $note: String) {
    declineServiceRequest(id: $id, reason: $reason, note: $note) {
      id
      status
      answeredOn
      declineReason
    }
  }
`);

const CompleteMutation = graphql(`
  mutation AgendaCompleteServiceRequest($id: ID!, $input: CompleteServiceRequestInput!) {
    completeServiceRequest(id: $id, input: $input) {
      id
      status
      completedOn
      successful
      completionReason
    }
  }
`);

type Answer = "accept" | "decline" | "complete";

/** The catalogue message that says an answer was given. */
export const answeredMessage: Record<Answer, string> = {
  accept: "agenda.request.accepted",
  decline: "agenda.request.declined",
  complete: "agenda.request.completed",
};

/** One incoming request, with the answers its status allows; `onAnswered` once one is given. */
export function IncomingRequest({ request: r, today, onAnswered }: { request: AgendaIncomingRequestFragment; today: string; onAnswered: (a: Answer) => void }) {
  const intl = useIntl();
  const fmt = useFormat();
  const label = useEnumLabel();
  const [answering, setAnswering] = useState<Answer | null>(null);
  const titleID = useId();
  const kind = label("InterventionKind", r.kind);
  const done = (a: Answer) => {
    setAnswering(null);
    onAnswered(a);
  };
  const button = (a: Answer, id: string, color = "primary") => (
    <Button type="button" size="sm" color={color} outline={a !== "accept"} aria-describedby={titleID} onClick={() => setAnswering(a)}>
      <FormattedMessage id={id} />
    </Button>
  );
  return (
    <li className="border-bottom py-3" data-testid="incoming-request">
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-2">
        <div>
          <h3 id={titleID} className="h6 mb-1 d-flex flex-wrap align-items-center gap-2">
            <span>{kind}</span>
            <RequestStatusBadge status={r.status} />
            {r.overdue && <RequestOverdueBadge />}
          </h3>
          <p className="small mb-1">
            <FormattedMessage id="agenda.request.from" values={{ table: r.table.name, name: r.requestedBy?.name ?? "—" }} />
          </p>
          <p className="mb-1">
            <FormattedMessage id="agenda.request.need" values={{ need: r.need }} />
          </p>
          {r.neededBy && (
            <p className="small mb-1">
              <FormattedMessage id="agenda.request.neededBy" values={{ date: fmt.date(r.neededBy) }} />
            </p>
          )}
          <SharedContact request={r} />
        </div>
        <div>
          {r.status === "SENT" ? (
            <DueText due={r.answerDueOn} today={today} label={intl.formatMessage({ id: "agenda.request.answerBy" })} />
          ) : (
            <span className="text-nowrap">
              <FormattedMessage id="agenda.request.plannedStart" values={{ date: fmt.date(r.plannedStart) }} />
            </span>
          )}
        </div>
      </div>
      {!answering && (
        <div className="d-flex flex-wrap gap-2 mt-2">
          {r.status === "SENT" && (
            <>
              {button("accept", "agenda.request.accept")}
              {button("decline", "agenda.request.decline", "danger")}
            </>
          )}
          {r.status === "ACCEPTED" && button("complete", "agenda.request.complete")}
        </div>
      )}
      <div className="mt-3">
        {answering === "accept" && <AcceptForm request={r} onCancel={() => setAnswering(null)} onDone={() => done("accept")} />}
        {answering === "decline" && <DeclineForm request={r} onCancel={() => setAnswering(null)} onDone={() => done("decline")} />}
        {answering === "complete" && <CompleteForm request={r} onCancel={() => setAnswering(null)} onDone={() => done("complete")} />}
      </div>
    </li>
  );
}

/** The contact data the request shares, as the person's identity holds them now. */
function SharedContact({ request: r }: { request: AgendaIncomingRequestFragment }) {
  const intl = useIntl();
  const c = r.contact;
  const items = c
    ? ([
        ["NAME", c.name],
        ["PHONE", c.phone],
        ["EMAIL", c.email],
        ["ADDRESS", c.address],
      ] as const).filter(([, v]) => v)
    : [];
  if (items.length === 0) {
    return (
      <p className="small mb-0">
        <FormattedMessage id="agenda.request.noContact" />
      </p>
    );
  }
  return (
    <dl className="row small mb-0" aria-label={intl.formatMessage({ id: "agenda.request.contact" })} data-testid="shared-contact">
      {items.map(([datum, value]) => (
        <div key={datum} className="d-flex gap-2">
          <dt className="fw-semibold">{intl.formatMessage({ id: `enum.ContactDatum.${datum}` })}:</dt>
          <dd className="mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * An answer's form: react-hook-form with the zod schema, whose output is
 * the mutation's input; server errors on the fields (`fields` maps the
 * API's names to the form's), the rest in the form's alert.
 */
function useAnswerForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
  fields: Partial<Record<string, Path<z.input<S>>>>,
  onDone: () => void,
) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues,
  });
  // The fields read the form's input only.
  const input = form as unknown as UseFormReturn<z.input<S>>;
  const [error, setError] = useState<CombinedError>();
  const submit = (run: (v: z.output<S>) => Promise<{ error?: CombinedError }>) =>
    form.handleSubmit(async (v) => {
      setError(undefined);
      const r = await run(v);
      if (r.error) {
        setError(applyServerErrors(input, r.error, fields) ? undefined : r.error);
        return;
      }
      onDone();
    });
  return { form: input, error, submit };
}

interface FormProps {
  request: AgendaIncomingRequestFragment;
  onCancel: () => void;
  onDone: () => void;
}

function AcceptForm({ request: r, onCancel, onDone }: FormProps) {
  const intl = useIntl();
  const label = useEnumLabel();
  const t = (id: string) => intl.formatMessage({ id });
  const [state, accept] = useMutation(AcceptMutation);
  const { form, error, submit } = useAnswerForm(acceptSchema, { plannedStart: todayInItaly(), note: "" }, { plannedStart: "plannedStart", note: "note" }, onDone);
  return (
    <FormPanel
      title={<FormattedMessage id="agenda.accept.title" values={{ kind: label("InterventionKind", r.kind) }} />}
      intro={<p>{t("agenda.accept.intro")}</p>}
      error={error}
      submitLabel={<FormattedMessage id="agenda.request.accept" />}
      busy={state.fetching}
      onSubmit={submit((v) => accept({ id: r.id, plannedStart: v.plannedStart, note: v.note || null }))}
      onCancel={onCancel}
    >
      <TextField form={form} name="plannedStart" type="date" label={t("agenda.accept.plannedStart")} />
      <TextAreaField form={form} name="note" label={t("agenda.answer.note")} hint={t("agenda.answer.noteHint")} rows={2} />
    </FormPanel>
  );
}

function DeclineForm({ request: r, onCancel, onDone }: FormProps) {
  const intl = useIntl();
  const label = useEnumLabel();
  const t = (id: string) => intl.formatMessage({ id });
  const reasons = useEnumOptions("ServiceRequestDeclineReason");
  const [state, decline] = useMutation(DeclineMutation);
  const { form, error, submit } = useAnswerForm(declineSchema, { reason: "", note: "" }, { reason: "reason", note: "note" }, onDone);
  return (
    <FormPanel
      title={<FormattedMessage id="agenda.decline.title" values={{ kind: label("InterventionKind", r.kind) }} />}
      error={error}
      submitLabel={<FormattedMessage id="agenda.request.decline" />}
      busy={state.fetching}
      onSubmit={submit((v) => decline({ id: r.id, ...v }))}
      onCancel={onCancel}
    >
      <SelectField form={form} name="reason" label={t("agenda.decline.reason")} options={reasons} placeholder={t("caseActions.choose")} />
      <TextAreaField form={form} name="note" label={t("agenda.answer.note")} hint={t("agenda.answer.noteHint")} rows={2} />
    </FormPanel>
  );
}

function CompleteForm({ request: r, onCancel, onDone }: FormProps) {
  const intl = useIntl();
  const label = useEnumLabel();
  const t = (id: string) => intl.formatMessage({ id });
  const reasons = useEnumOptions("ServiceRequestCompletionReason");
  const [state, complete] = useMutation(CompleteMutation);
  const { form, error, submit } = useAnswerForm(
    completeSchema,
    { reason: "", note: "", completedOn: todayInItaly() },
    { "input.successful": "successful", "input.reason": "reason", "input.note": "note", "input.completedOn": "completedOn" },
    onDone,
  );
  return (
    <FormPanel
      title={<FormattedMessage id="agenda.complete.title" values={{ kind: label("InterventionKind", r.kind) }} />}
      error={error}
      submitLabel={<FormattedMessage id="agenda.request.complete" />}
      busy={state.fetching}
      onSubmit={submit((v) => complete({ id: r.id, input: v }))}
      onCancel={onCancel}
    >
      <YesNoField form={form} name="successful" label={t("agenda.complete.successful")} />
      <SelectField form={form} name="reason" label={t("agenda.complete.reason")} options={reasons} placeholder={t("caseActions.choose")} />
      <TextAreaField form={form} name="note" label={t("agenda.answer.note")} hint={t("agenda.answer.noteHint")} rows={2} />
      <TextField form={form} name="completedOn" type="date" label={t("agenda.complete.completedOn")} />
    </FormPanel>
  );
}
