import { Button, Modal, ModalBody, ModalFooter, ModalHeader } from "design-react-kit";
import { useId, useRef } from "react";
import { FormattedMessage, useIntl } from "react-intl";

/**
 * The question before unsaved input is thrown away: closing a dialog
 * ("close") or leaving the page ("leave"). An alert dialog of the design
 * system, stacked over the dialog it guards (reactstrap keeps Tab and Esc
 * in the topmost one); the focus starts on "keep editing", the choice that
 * loses nothing, and goes back where it was when the user keeps editing.
 */
export function ConfirmDiscard({ isOpen, kind, onKeep, onDiscard }: { isOpen: boolean; kind: "close" | "leave"; onKeep: () => void; onDiscard: () => void }) {
  const id = useId();
  const intl = useIntl();
  const keep = useRef<HTMLButtonElement>(null);
  return (
    <Modal
      isOpen={isOpen}
      toggle={onKeep}
      role="alertdialog"
      labelledBy={`${id}-title`}
      backdrop="static"
      centered
      fade={false}
      // Above the dialog it guards, backdrop included.
      zIndex={1060}
      onOpened={() => keep.current?.focus()}
    >
      <ModalHeader tag="h2" id={`${id}-title`} className="h4">
        {intl.formatMessage({ id: `unsaved.${kind}.title` })}
      </ModalHeader>
      <ModalBody>
        <p className="mb-0">
          <FormattedMessage id="unsaved.text" />
        </p>
      </ModalBody>
      <ModalFooter>
        <Button innerRef={keep} type="button" color="primary" onClick={onKeep}>
          <FormattedMessage id="unsaved.keep" />
        </Button>
        <Button type="button" color="danger" outline onClick={onDiscard}>
          {intl.formatMessage({ id: `unsaved.${kind}.discard` })}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
