import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, Button, Modal, ModalBody, ModalFooter, ModalHeader } from "design-react-kit";
import { useId, useState, type ReactNode } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver, type UseFormReturn } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useQuery, type CombinedError } from "urql";
import type { z } from "zod";
import { graphql } from "../../../gql";
import type { CaseAction } from "../../../gql/graphql";
import { useFormat } from "../../../i18n/format";
import { useEnumLabel } from "../../../i18n/useEnumLabel";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { EventSentence } from "../EventSentence";
import { applyServerErrors } from "../../../ui/fields";
import { nodes } from "../../../ui/connection";
import { useUnsavedChanges } from "../../../ui/useUnsavedChanges";
import { useConflictRetry, type Attempt, type Conflict } from "./conflict";
import type { CaseParts } from "./parts";

/** What every action's form gets from CaseSteps. */
export interface ActionProps {
  action: CaseAction;
  caseId: string;
  version: number;
  /** The case's parts as the page saw them (undefined while loading). */
  parts: CaseParts | undefined;
  /** The ID of the part a step on one part is on (a goal, an intervention…), chosen in the part's row. */
  part?: string;
  /** When the page's case was seen: events after it are news in a conflict. */
  seenAt: string;
  onChanged: () => void;
  /** Closes the dialog with nothing done (Esc, Cancel). */
  close: () => void;
  /**
   * Closes the dialog once the step is taken, for the page to say so;
   * `as` names how it ended when not as the step says (e.g.
   * "CLOSE_CASE_PROPOSED", a closure proposed for approval).
   */
  done: (as?: string) => void;
}

/**
 * A form of an action: react-hook-form with the zod schema, the versioned
 * send with its conflict handling, server errors on the fields (`fields`
 * maps the API's field names to the form's) or in an alert.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>>(
  props: ActionProps,
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
  run: (values: z.output<S>, version: number) => Promise<{ error?: CombinedError }>,
  fields: Partial<Record<string, Path<z.input<S>>>> = {},
) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues,
  });
  const [error, setError] = useState<CombinedError>();
  const versioned = useConflictRetry<z.output<S>>({ version: props.version, status: props.parts?.status, run, onChanged: props.onChanged });
  // Typed input is not lost to Esc, Cancel or a navigation; a conflict
  // keeps it too (the form stays open with it), a success closes at once.
  const unsaved = useUnsavedChanges(form.formState.isDirty);
  const settle = (a: Attempt) => {
    if (a.kind === "done") {
      unsaved.saved();
      props.done();
    } else if (a.kind === "error") {
      setError(applyServerErrors(form as unknown as UseFormReturn<z.input<S>>, a.error, fields) ? undefined : a.error);
    }
  };
  const onSubmit = form.handleSubmit(async (values) => {
    setError(undefined);
    settle(await versioned.submit(values));
  });
  const onRetry = form.handleSubmit(async (values) => {
    setError(undefined);
    settle(await versioned.retry(values));
  });
  const dialog = {
    caseId: props.caseId,
    seenAt: props.seenAt,
    onCancel: () => unsaved.confirmClose(props.close),
    unsavedPrompt: unsaved.prompt,
    busy: versioned.busy,
    error,
    conflict: versioned.conflict,
    onSubmit,
    onRetry,
  };
  return { form: form as unknown as UseFormReturn<z.input<S>>, dialog };
}


/** The dialog of an action's form: title, fields, errors, conflict, and the buttons. */
export function ActionDialog({
  title,
  intro,
  submitLabel,
  children,
  caseId,
  seenAt,
  onCancel,
  unsavedPrompt,
  busy,
  error,
  conflict,
  onSubmit,
  onRetry,
}: {
  title: string;
  intro?: ReactNode;
  submitLabel?: string;
  children?: ReactNode;
  caseId: string;
  seenAt: string;
  /** Esc and Cancel: useActionForm's, which asks before unsaved input is lost. */
  onCancel: () => void;
  /** The question about unsaved input, beside the dialog so that its own Esc does not reach this one. */
  unsavedPrompt: ReactNode;
  busy: boolean;
  error?: CombinedError;
  conflict: Conflict | null;
  onSubmit: () => void;
  onRetry: () => void;
}) {
  const id = useId();
  const intl = useIntl();
  return (
    <>
      <Modal isOpen toggle={onCancel} labelledBy={`${id}-title`} size="lg" backdrop="static" fade={false}>
        <form
          noValidate
          aria-labelledby={`${id}-title`}
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          <ModalHeader tag="h2" id={`${id}-title`} className="h4">
            {title}
          </ModalHeader>
          <ModalBody>
            {intro && <p>{intro}</p>}
            {children}
            <ErrorAlert error={error} />
            {conflict && <ConflictNotice caseId={caseId} seenAt={seenAt} conflict={conflict} />}
          </ModalBody>
          <ModalFooter>
            <Button type="button" color="secondary" outline onClick={onCancel}>
              <FormattedMessage id="common.cancel" />
            </Button>
            {conflict ? (
              <Button type="button" color="primary" disabled={busy} onClick={onRetry}>
                <FormattedMessage id="caseActions.conflict.retry" />
              </Button>
            ) : (
              <Button type="submit" color="primary" disabled={busy}>
                {submitLabel ?? intl.formatMessage({ id: "caseActions.confirm" })}
              </Button>
            )}
          </ModalFooter>
        </form>
      </Modal>
      {unsavedPrompt}
    </>
  );
}

const ConflictEventsQuery = graphql(`
  query CaseActionsConflictEvents($id: ID!, $since: Time!) {
    node(id: $id) {
      __typename
      id
      ... on Case {
        id
        version
        status
        events(first: 50, orderBy: { field: OCCURRED_AT, direction: DESC }, where: { occurredAtGT: $since }) {
          edges {
            node {
              ...CasePageSectionsEvent
            }
          }
        }
      }
    }
  }
`);

/** What changed since the user saw the case: versions, statuses, the events added. */
export function ConflictNotice({ caseId, seenAt, conflict }: { caseId: string; seenAt: string; conflict: Conflict }) {
  const label = useEnumLabel();
  const format = useFormat();
  const intl = useIntl();
  const [result] = useQuery({
    query: ConflictEventsQuery,
    variables: { id: conflict.caseId ?? caseId, since: seenAt },
    requestPolicy: "network-only",
    // A new query for each conflict, even on the same version.
    context: useConflictContext(conflict),
  });
  const node = result.data?.node;
  // Newest first, ordered here: the API does not order a case's events.
  const events = node && node.__typename === "Case" ? nodes(node.events).sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt)) : [];
  return (
    <Alert color="warning" role="alert" className="mt-3">
      <p className="fw-bold mb-2">
        <FormattedMessage id="caseActions.conflict.title" />
      </p>
      <p className="mb-2">
        <FormattedMessage id="caseActions.conflict.text" />
      </p>
      <ul className="mb-2">
        <li>
          <FormattedMessage id="caseActions.conflict.version" values={{ seen: conflict.seenVersion, current: conflict.currentVersion }} />
        </li>
        {conflict.currentStatus && (
          <li>
            {conflict.seenStatus && conflict.seenStatus !== conflict.currentStatus ? (
              <FormattedMessage
                id="caseActions.conflict.statusChanged"
                values={{ seen: label("CaseStatus", conflict.seenStatus), current: label("CaseStatus", conflict.currentStatus) }}
              />
            ) : (
              <FormattedMessage id="caseActions.conflict.statusSame" values={{ current: label("CaseStatus", conflict.currentStatus) }} />
            )}
          </li>
        )}
      </ul>
      {result.fetching && (
        <p className="mb-0">
          <FormattedMessage id="caseActions.conflict.loadingEvents" />
        </p>
      )}
      {!result.fetching && events.length > 0 && (
        <>
          <p className="mb-1">
            <FormattedMessage id="caseActions.conflict.events" />
          </p>
          <ul className="mb-0" aria-label={intl.formatMessage({ id: "caseActions.conflict.events" })}>
            {events.map((e) => (
              <li key={e.id}>
                {format.dateTime(e.occurredAt)} — <EventSentence event={e} />
                {e.actor && <> ({e.actor.name})</>}
                {e.note && <>: {e.note}</>}
              </li>
            ))}
          </ul>
        </>
      )}
      {!result.fetching && !result.error && events.length === 0 && (
        <p className="mb-0">
          <FormattedMessage id="caseActions.conflict.noEvents" />
        </p>
      )}
      <ErrorAlert error={result.error} />
    </Alert>
  );
}

function useConflictContext(conflict: Conflict) {
  // urql compares contexts by identity: one per conflict object.
  const [cache] = useState(() => new WeakMap<Conflict, object>());
  let context = cache.get(conflict);
  if (!context) {
    context = { requestPolicy: "network-only" as const, conflict: conflict.currentVersion };
    cache.set(conflict, context);
  }
  return context;
}
