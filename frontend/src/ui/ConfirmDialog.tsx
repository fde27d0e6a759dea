import { Button, Modal, ModalBody, ModalFooter, ModalHeader } from "design-react-kit";
import { useId, type ReactNode } from "react";
import { FormattedMessage } from "react-intl";

/** A question before an action that cannot be undone lightly. */
export function ConfirmDialog({
  isOpen,
  title,
  children,
  confirmLabel,
  busy,
  danger = true,
  onConfirm,
  onCancel,
}: {
  isOpen: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  return (
    <Modal isOpen={isOpen} toggle={onCancel} labelledBy={`${id}-title`} centered fade={false}>
      <ModalHeader tag="h2" id={`${id}-title`} className="h4">
        {title}
      </ModalHeader>
      {children && <ModalBody>{children}</ModalBody>}
      <ModalFooter>
        <Button color="secondary" outline onClick={onCancel}>
          <FormattedMessage id="common.cancel" />
        </Button>
        <Button color={danger ? "danger" : "primary"} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
