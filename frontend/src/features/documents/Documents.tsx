import { zodResolver } from "@hookform/resolvers/zod";
import { Button, Modal, ModalBody, ModalFooter, ModalHeader, Progress } from "design-react-kit";
import { useCallback, useEffect, useId, useState } from "react";
import { useController, useForm, type UseFormReturn } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation, useQuery, type CombinedError } from "urql";
import { sessionEnded } from "../../api/client";
import { sendWithFiles } from "../../api/upload";
import type { DocumentKind, DocumentsItemFragment, DocumentsListQuery } from "../../gql/graphql";
import { useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { nodes } from "../../ui/connection";
import { useEnumOptions } from "../../ui/enums";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { applyServerErrors, SelectField, TextAreaField } from "../../ui/fields";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import { useUnsavedChanges } from "../../ui/useUnsavedChanges";
import { FileDropZone, type DropZoneTexts } from "./FileDropZone";
import { acceptedFiles, attachSchema, fileSize, mediaName, removeSchema, uploadErrors, type AttachValues, type RemoveValues } from "./model";
import { DocumentsAttachMutationDoc, DocumentsListQueryDoc, DocumentsRemoveMutationDoc } from "./queries";

// The files attached to an object — a case, a monitoring meeting, a
// protocol commitment, a meeting, a consent record — newest first, each
// downloaded at its own address (an attachment, never shown in the page);
// removed ones stay listed, greyed, with who removed them, when and why.
// Those who may attach add a file by dropping it on the drop zone or
// choosing it, with the upload's progress; the API judges the file (its
// type found in its content, its size) and its errors show on the field.

/** The first page; "show all" asks for the API's largest. */
const firstPage = 20;
const allPage = 100;

export interface DocumentsProps {
  /** The ID of the object the documents are attached to. */
  ownerID: string;
  /** What the object is, for the names of its list and form: "caso EMP-2026-0042", "riunione «…»". */
  name: string;
  /** The kinds the viewer may attach to it, in the order offered. */
  kinds: readonly DocumentKind[];
  /** Whether the viewer attaches and removes its documents: the API decides, this chooses what to show. */
  mayAttach: boolean;
}

type Doc = DocumentsItemFragment;

/** The documents' connection of the object, whatever its type. */
function documentsOf(node: DocumentsListQuery["node"] | undefined) {
  return node && "documents" in node ? node.documents : undefined;
}

/** The documents of an object, and the forms to attach and remove them. */
export function Documents({ ownerID, name, kinds, mayAttach }: DocumentsProps) {
  const intl = useIntl();
  const [first, setFirst] = useState(firstPage);
  const [result, reexecute] = useQuery({ query: DocumentsListQueryDoc, variables: { id: ownerID, first } });
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Doc | null>(null);
  const refresh = useCallback(() => reexecute({ requestPolicy: "network-only" }), [reexecute]);
  const connection = documentsOf(result.data?.node);
  const docs = nodes(connection);
  const total = connection?.totalCount ?? docs.length;
  return (
    <div data-testid="documents">
      {notice && <Notice>{notice}</Notice>}
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data && <Loading />}
      {result.data && docs.length === 0 && (
        <p>
          <FormattedMessage id="documents.none" />
        </p>
      )}
      {docs.length > 0 && (
        <ul className="list-unstyled mb-3" aria-label={intl.formatMessage({ id: "documents.listLabel" }, { name })}>
          {docs.map((d) => (
            <DocumentItem key={d.id} doc={d} mayRemove={mayAttach} onRemove={() => (setRemoving(d), setNotice(null))} />
          ))}
        </ul>
      )}
      {total > docs.length &&
        (first < allPage ? (
          <Button color="primary" outline size="sm" className="mb-3" disabled={result.fetching} onClick={() => setFirst(allPage)}>
            <FormattedMessage id="documents.showAll" values={{ total }} />
          </Button>
        ) : (
          <p className="small">
            <FormattedMessage id="documents.more" values={{ shown: docs.length, total }} />
          </p>
        ))}
      {mayAttach && kinds.length > 0 && (
        <AttachForm
          ownerID={ownerID}
          name={name}
          kinds={kinds}
          onStart={() => setNotice(null)}
          onAttached={(fileName) => {
            setNotice(intl.formatMessage({ id: "documents.attached" }, { fileName }));
            refresh();
          }}
        />
      )}
      {removing && (
        <RemoveDialog
          doc={removing}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            setNotice(intl.formatMessage({ id: "documents.removed" }, { fileName: removing.fileName }));
            setRemoving(null);
            refresh();
          }}
        />
      )}
    </div>
  );
}

function DocumentItem({ doc: d, mayRemove, onRemove }: { doc: Doc; mayRemove: boolean; onRemove: () => void }) {
  const intl = useIntl();
  const fmt = useFormat();
  const label = useEnumLabel();
  const removed = Boolean(d.removedAt);
  const link = !removed && d.downloadURL;
  return (
    <li className={`border-bottom py-2${removed ? " text-muted" : ""}`} data-testid="document">
      <p className="mb-1">
        <strong>{label("DocumentKind", d.kind)}</strong>
        {" — "}
        {link ? (
          <a href={d.downloadURL ?? undefined} download={d.fileName}>
            {d.fileName}
          </a>
        ) : (
          <span className={removed ? "text-decoration-line-through" : undefined}>{d.fileName}</span>
        )}{" "}
        <span className="small">
          ({mediaName(d.mediaType)}, {fileSize(intl, d.size)})
        </span>
      </p>
      <p className="small mb-1">
        <FormattedMessage id="documents.uploaded" values={{ by: d.uploadedBy?.name ?? "—", at: fmt.dateTime(d.createdAt) }} />
      </p>
      {removed ? (
        <p className="small mb-1 fw-semibold">
          <FormattedMessage id="documents.removedBy" values={{ by: d.removedBy?.name ?? "—", at: fmt.dateTime(d.removedAt), reason: d.removalReason || "—" }} />
        </p>
      ) : (
        d.erasedAt && (
          <p className="small mb-1 fw-semibold">
            <FormattedMessage id="documents.erased" values={{ at: fmt.dateTime(d.erasedAt) }} />
          </p>
        )
      )}
      {mayRemove && !removed && (
        <Button color="danger" outline size="xs" onClick={onRemove}>
          <FormattedMessage id="documents.remove" />{" "}
          <span className="visually-hidden">{d.fileName}</span>
        </Button>
      )}
    </li>
  );
}

/** The form that attaches a file: its kind, the file (dropped or chosen), the upload's progress. */
function AttachForm({
  ownerID,
  name,
  kinds,
  onStart,
  onAttached,
}: {
  ownerID: string;
  name: string;
  kinds: readonly DocumentKind[];
  onStart: () => void;
  onAttached: (fileName: string) => void;
}) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const options = useEnumOptions("DocumentKind", kinds);
  const form = useForm<AttachValues>({ resolver: zodResolver(attachSchema), defaultValues: { kind: kinds.length === 1 ? kinds[0] : "", file: null } });
  const [progress, setProgress] = useState(0);
  const [alert, setAlert] = useState<CombinedError>();
  // The upload under way, which Stop, or leaving the page (or closing the
  // documents), aborts; aborting one that ended does nothing.
  const [upload, setUpload] = useState<AbortController | null>(null);
  useEffect(() => () => upload?.abort(), [upload]);
  const submit = form.handleSubmit(async (v) => {
    if (!v.file) {
      return;
    }
    onStart();
    setAlert(undefined);
    const controller = new AbortController();
    setUpload(controller);
    setProgress(0);
    const r = await sendWithFiles(
      DocumentsAttachMutationDoc,
      { input: { kind: v.kind as DocumentKind, attachedToID: ownerID, file: null } },
      { "input.file": v.file },
      { onProgress: setProgress, signal: controller.signal, onSessionEnded: sessionEnded },
    );
    setUpload(null);
    if (r.aborted) {
      return;
    }
    if (r.error || !r.data) {
      const errors = uploadErrors(intl, r.error);
      if (errors.file) {
        form.setError("file", { type: "server", message: errors.file });
        // Once the input is enabled again: the reason is read out where it is.
        setTimeout(() => form.setFocus("file"), 0);
      }
      if (errors.kind) {
        form.setError("kind", { type: "server", message: errors.kind });
      }
      setAlert(errors.alert);
      return;
    }
    form.reset({ kind: v.kind, file: null });
    onAttached(v.file.name);
  });
  const busy = upload !== null;
  const percent = Math.round(progress * 100);
  return (
    <form onSubmit={submit} noValidate className="border rounded p-3" aria-label={intl.formatMessage({ id: "documents.attach.formLabel" }, { name })}>
      <p className="fw-semibold mb-2">
        <FormattedMessage id="documents.attach.title" />
      </p>
      <ErrorAlert error={alert} />
      <SelectField form={form} name="kind" label={t("documents.attach.kind")} options={options} placeholder={kinds.length > 1 ? t("documents.attach.chooseKind") : undefined} />
      <FileDrop form={form} disabled={busy} />
      {busy && (
        <div className="mb-3" data-testid="upload-progress">
          <Progress value={percent} label={intl.formatMessage({ id: "documents.attach.progress" }, { percent })} aria-label={t("documents.attach.progressLabel")} />
        </div>
      )}
      <div className="d-flex gap-2">
        <Button type="submit" color="primary" size="sm" disabled={busy}>
          <FormattedMessage id="documents.attach.submit" />
        </Button>
        {busy && (
          <Button type="button" color="primary" outline size="sm" onClick={() => upload?.abort()}>
            <FormattedMessage id="documents.attach.stop" />
          </Button>
        )}
      </div>
    </form>
  );
}

const dropTexts: DropZoneTexts = {
  drop: "documents.attach.drop",
  chosen: "documents.attach.chosen",
  choose: "documents.attach.choose",
  chooseAnother: "documents.attach.chooseAnother",
  hint: "documents.attach.hint",
};

/** The form's file, in the drop zone. */
function FileDrop({ form, disabled }: { form: UseFormReturn<AttachValues>; disabled: boolean }) {
  const intl = useIntl();
  const {
    field: { ref, value: file, onChange, onBlur },
    fieldState: { error: e },
  } = useController({ control: form.control, name: "file" });
  const error = e?.message ? (e.type === "server" ? e.message : intl.formatMessage({ id: e.message })) : undefined;
  return (
    <FileDropZone ref={ref} file={file} error={error} disabled={disabled} accept={acceptedFiles} messages={dropTexts} onChoose={onChange} onBlur={onBlur} />
  );
}

/** Asks why a document is removed, then removes it: the record stays, its content is erased. */
function RemoveDialog({ doc, onClose, onRemoved }: { doc: Doc; onClose: () => void; onRemoved: () => void }) {
  const id = useId();
  const intl = useIntl();
  const form = useForm<RemoveValues>({ resolver: zodResolver(removeSchema), defaultValues: { reason: "" } });
  const unsaved = useUnsavedChanges(form.formState.isDirty);
  const [state, remove] = useMutation(DocumentsRemoveMutationDoc);
  const [alert, setAlert] = useState<CombinedError>();
  const cancel = () => unsaved.confirmClose(onClose);
  const submit = form.handleSubmit(async (v) => {
    setAlert(undefined);
    const r = await remove({ id: doc.id, reason: v.reason.trim() });
    if (r.error) {
      setAlert(applyServerErrors(form, r.error, { reason: "reason" }) ? undefined : r.error);
      return;
    }
    unsaved.saved();
    onRemoved();
  });
  return (
    <>
      <Modal isOpen toggle={cancel} labelledBy={`${id}-title`} centered fade={false}>
        <form noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
          <ModalHeader tag="h2" id={`${id}-title`} className="h4">
            <FormattedMessage id="documents.removeDialog.title" values={{ fileName: doc.fileName }} />
          </ModalHeader>
          <ModalBody>
            <p>
              <FormattedMessage id="documents.removeDialog.text" />
            </p>
            <ErrorAlert error={alert} />
            <TextAreaField form={form} name="reason" label={intl.formatMessage({ id: "documents.removeDialog.reason" })} rows={3} />
          </ModalBody>
          <ModalFooter>
            <Button type="button" color="secondary" outline onClick={cancel}>
              <FormattedMessage id="common.cancel" />
            </Button>
            <Button type="submit" color="danger" disabled={state.fetching}>
              <FormattedMessage id="documents.removeDialog.submit" />
            </Button>
          </ModalFooter>
        </form>
      </Modal>
      {unsaved.prompt}
    </>
  );
}

/** The button that shows and hides an object's documents, named after the object for screen readers. */
export function DocumentsButton({ name, open, controls, onToggle }: { name: string; open: boolean; controls: string; onToggle: () => void }) {
  return (
    <Button color="primary" outline size="xs" aria-expanded={open} aria-controls={open ? controls : undefined} onClick={onToggle}>
      <FormattedMessage id="documents.toggle" />{" "}
      <span className="visually-hidden">— {name}</span>
    </Button>
  );
}

/**
 * An object's documents behind a button: fetched only once opened, so
 * that a list of many objects (meetings, commitments, consent records)
 * asks for none until the user wants them.
 */
export function DocumentsToggle(props: DocumentsProps) {
  const [open, setOpen] = useState(false);
  const panel = useId();
  return (
    <div className="mt-2">
      <DocumentsButton name={props.name} open={open} controls={panel} onToggle={() => setOpen(!open)} />
      {open && (
        <div id={panel} className="mt-2">
          <Documents {...props} />
        </div>
      )}
    </div>
  );
}
