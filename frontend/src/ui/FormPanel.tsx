import { Button } from "design-react-kit";
import { useId, type FormEventHandler, type ReactNode } from "react";
import { FormattedMessage } from "react-intl";
import type { CombinedError } from "urql";
import { ErrorAlert } from "./ErrorAlert";
import { Notice } from "./Notice";

/** The footer of a form that can be abandoned: submit, then Cancel. */
export function FormActions({
  submitLabel,
  busy,
  danger,
  size,
  onCancel,
}: {
  submitLabel: ReactNode;
  busy?: boolean;
  danger?: boolean;
  size?: "sm" | "xs";
  onCancel: () => void;
}) {
  return (
    <div className="d-flex gap-2">
      <Button type="submit" color={danger ? "danger" : "primary"} size={size} disabled={busy}>
        {submitLabel}
      </Button>
      <Button type="button" color="primary" outline size={size} onClick={onCancel}>
        <FormattedMessage id="common.cancel" />
      </Button>
    </div>
  );
}

/**
 * A form opened in place on a page (a card, named by its heading): title,
 * an optional introduction, the API's error, the fields, submit and Cancel.
 * level 2 is a step of the page itself (h2), level 3 one of a section (h3).
 */
export function FormPanel({
  title,
  level = 3,
  intro,
  error,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
  children,
}: {
  title: ReactNode;
  level?: 2 | 3;
  intro?: ReactNode;
  error: CombinedError | undefined | null;
  submitLabel: ReactNode;
  busy?: boolean;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onCancel: () => void;
  children: ReactNode;
}) {
  const id = useId();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <form onSubmit={onSubmit} noValidate className="card shadow-sm border mb-4" aria-labelledby={id}>
      <div className="card-body">
        <Heading id={id} className={level === 2 ? "h4" : "h5"}>
          {title}
        </Heading>
        {intro}
        <ErrorAlert error={error} />
        {children}
        <FormActions submitLabel={submitLabel} busy={busy} onCancel={onCancel} />
      </div>
    </form>
  );
}

/**
 * The end of a form that stays on the page after it is sent: the API's
 * error, the notice of what was just done (when done), and submit.
 */
export function SubmitFooter({
  error,
  done,
  submitLabel,
  busy,
}: {
  error: CombinedError | undefined | null;
  done?: ReactNode;
  submitLabel: ReactNode;
  busy?: boolean;
}) {
  return (
    <>
      <ErrorAlert error={error} />
      {done && <Notice>{done}</Notice>}
      <Button color="primary" type="submit" disabled={busy}>
        {submitLabel}
      </Button>
    </>
  );
}
