import { Modal, ModalBody, ModalFooter, ModalHeader } from "design-react-kit";
import { useId, type FormEventHandler, type ReactNode } from "react";
import type { CombinedError } from "urql";
import { ErrorAlert } from "./ErrorAlert";
import { FormActions } from "./FormPanel";

/**
 * A form in a dialog, named by its title: the API's error, the fields,
 * submit and Cancel. Like every dialog of the app it opens without a fade,
 * so that it is never read (by a screen reader, or by the browser suite's
 * contrast check) half transparent.
 */
export function FormDialog({
  title,
  error,
  submitLabel,
  busy,
  danger,
  onSubmit,
  onCancel,
  children,
}: {
  title: ReactNode;
  error: CombinedError | undefined | null;
  submitLabel: ReactNode;
  busy?: boolean;
  /** Submit in the colour of an action that cannot be undone. */
  danger?: boolean;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onCancel: () => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Modal isOpen toggle={onCancel} labelledBy={`${id}-title`} centered fade={false}>
      <form onSubmit={onSubmit} noValidate>
        <ModalHeader tag="h2" id={`${id}-title`} className="h4">
          {title}
        </ModalHeader>
        <ModalBody>
          <ErrorAlert error={error} />
          {children}
        </ModalBody>
        <ModalFooter>
          <FormActions submitLabel={submitLabel} busy={busy} danger={danger} onCancel={onCancel} />
        </ModalFooter>
      </form>
    </Modal>
  );
}
