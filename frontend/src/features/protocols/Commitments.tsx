import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "design-react-kit";
import { Fragment, useId, useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation } from "urql";
import type { ProtocolPageCommitmentFragment } from "../../gql/graphql";
import { today, useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FormActions } from "../../ui/FormPanel";
import { applyServerErrors, TextAreaField, TextField } from "../../ui/fields";
import { Documents, DocumentsButton } from "../documents/Documents";
import { commitmentKinds } from "../documents/model";
import { dropSchema, fulfilSchema, mayAttachEvidence, maySettleCommitment, type DropValues, type FulfilValues, type ProtocolViewer } from "./model";
import { ProtocolPageDropMutation, ProtocolPageFulfilMutation } from "./queries";
import { TableScroll } from "../../ui/TableScroll";

export interface CommitmentRow {
  commitment: ProtocolPageCommitmentFragment;
  owner: { id: string; name: string };
}

const badge: Record<string, string> = { OPEN: "bg-primary", LATE: "bg-danger", DONE: "bg-success", DROPPED: "bg-secondary" };

/** The protocol's commitments, by party, with their status today and how each was settled. */
export function Commitments({ rows, viewer, onChanged }: { rows: CommitmentRow[]; viewer: ProtocolViewer; onChanged?: () => void }) {
  const intl = useIntl();
  const fmt = useFormat();
  const label = useEnumLabel();
  const [settling, setSettling] = useState<{ id: string; mode: "fulfil" | "drop" } | null>(null);
  // The commitment whose documents are shown, in a row below its own.
  const [documentsOf, setDocumentsOf] = useState<string | null>(null);
  const panel = useId();
  if (rows.length === 0) {
    return (
      <p>
        <FormattedMessage id="protocols.commitments.none" />
      </p>
    );
  }
  const late = rows.filter((r) => r.commitment.currentStatus === "LATE").length;
  return (
    <>
      {late > 0 && (
        <p className="fw-semibold">
          <FormattedMessage id="protocols.commitments.lateCount" values={{ count: late }} />
        </p>
      )}
      <TableScroll>
        <table className="table align-middle">
          <caption className="visually-hidden">{intl.formatMessage({ id: "protocols.commitments.caption" })}</caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="protocols.commitments.owner" />
              </th>
              <th scope="col">
                <FormattedMessage id="protocols.commitments.description" />
              </th>
              <th scope="col">
                <FormattedMessage id="protocols.commitments.dueOn" />
              </th>
              <th scope="col">
                <FormattedMessage id="protocols.commitments.status" />
              </th>
              <th scope="col">
                <FormattedMessage id="protocols.commitments.evidence" />
              </th>
              <th scope="col">
                <FormattedMessage id="common.actions" />
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ commitment: c, owner }) => {
              const canSettle = maySettleCommitment(viewer, { currentStatus: c.currentStatus, ownerID: owner.id });
              const open = settling?.id === c.id ? settling.mode : null;
              const documentsName = intl.formatMessage({ id: "documents.name.commitment" }, { description: c.description });
              const documentsOpen = documentsOf === c.id;
              return (
                <Fragment key={c.id}>
                  <tr data-testid={`commitment-${c.id}`}>
                    <td>{owner.name}</td>
                    <td style={{ whiteSpace: "pre-line" }}>
                      {c.description}
                      {open && (
                        <SettleForm
                          mode={open}
                          id={c.id}
                          description={c.description}
                          onCancel={() => setSettling(null)}
                          onDone={() => {
                            setSettling(null);
                            onChanged?.();
                          }}
                        />
                      )}
                    </td>
                    <td>{fmt.date(c.dueOn)}</td>
                    <td>
                      <span className={`badge ${badge[c.currentStatus] ?? "bg-secondary"}`}>{label("ProtocolCommitmentStatus", c.currentStatus)}</span>
                      {c.currentStatus === "LATE" && c.dueOn && (
                        <span className="d-block small mt-1">
                          <FormattedMessage id="protocols.commitments.lateSince" values={{ date: fmt.date(c.dueOn) }} />
                        </span>
                      )}
                    </td>
                    <td>
                      {c.currentStatus === "DONE" && (
                        <span className="d-block small">
                          <FormattedMessage id="protocols.commitments.doneOn" values={{ date: fmt.date(c.doneOn) }} />
                        </span>
                      )}
                      {c.evidence || "—"}
                      <div className="mt-1">
                        <DocumentsButton
                          name={documentsName}
                          open={documentsOpen}
                          controls={`${panel}-${c.id}`}
                          onToggle={() => setDocumentsOf(documentsOpen ? null : c.id)}
                        />
                      </div>
                    </td>
                    <td>
                      {canSettle && !open ? (
                        <div className="d-flex flex-column gap-1">
                          <Button
                            color="primary"
                            size="xs"
                            aria-label={intl.formatMessage({ id: "protocols.commitments.fulfilNamed" }, { description: c.description })}
                            onClick={() => setSettling({ id: c.id, mode: "fulfil" })}
                          >
                            <FormattedMessage id="protocols.commitments.fulfil" />
                          </Button>
                          <Button
                            color="primary"
                            outline
                            size="xs"
                            aria-label={intl.formatMessage({ id: "protocols.commitments.dropNamed" }, { description: c.description })}
                            onClick={() => setSettling({ id: c.id, mode: "drop" })}
                          >
                            <FormattedMessage id="protocols.commitments.drop" />
                          </Button>
                        </div>
                      ) : (
                        !open && "—"
                      )}
                    </td>
                  </tr>
                  {documentsOpen && (
                    <tr id={`${panel}-${c.id}`}>
                      <td colSpan={6}>
                        <Documents ownerID={c.id} name={documentsName} kinds={commitmentKinds} mayAttach={mayAttachEvidence(viewer, owner.id)} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function SettleForm({ mode, id, description, onDone, onCancel }: { mode: "fulfil" | "drop"; id: string; description: string; onDone: () => void; onCancel: () => void }) {
  return mode === "fulfil" ? (
    <FulfilForm id={id} description={description} onDone={onDone} onCancel={onCancel} />
  ) : (
    <DropForm id={id} description={description} onDone={onDone} onCancel={onCancel} />
  );
}

interface SettleProps {
  id: string;
  description: string;
  onDone: () => void;
  onCancel: () => void;
}

function FulfilForm({ id, description, onDone, onCancel }: SettleProps) {
  const intl = useIntl();
  const t = (k: string) => intl.formatMessage({ id: k });
  const form = useForm<FulfilValues>({ resolver: zodResolver(fulfilSchema), defaultValues: { doneOn: today(), evidence: "" } });
  const [state, fulfil] = useMutation(ProtocolPageFulfilMutation);
  const submit = form.handleSubmit(async (v) => {
    const r = await fulfil({ id, doneOn: v.doneOn, evidence: v.evidence.trim() });
    if (r.error) {
      applyServerErrors(form, r.error, { doneOn: "doneOn", evidence: "evidence" });
      return;
    }
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate className="border rounded p-3 mt-2" aria-label={intl.formatMessage({ id: "protocols.commitments.fulfilNamed" }, { description })}>
      <ErrorAlert error={state.error} />
      <TextField form={form} name="doneOn" type="date" label={t("protocols.commitments.doneOnLabel")} />
      <TextAreaField form={form} name="evidence" label={t("protocols.commitments.evidenceLabel")} hint={t("protocols.commitments.evidenceHint")} />
      <FormActions submitLabel={<FormattedMessage id="protocols.commitments.fulfilSubmit" />} busy={state.fetching} size="sm" onCancel={onCancel} />
    </form>
  );
}

function DropForm({ id, description, onDone, onCancel }: SettleProps) {
  const intl = useIntl();
  const form = useForm<DropValues>({ resolver: zodResolver(dropSchema), defaultValues: { reason: "" } });
  const [state, drop] = useMutation(ProtocolPageDropMutation);
  const submit = form.handleSubmit(async (v) => {
    const r = await drop({ id, reason: v.reason.trim() });
    if (r.error) {
      applyServerErrors(form, r.error, { reason: "reason" });
      return;
    }
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate className="border rounded p-3 mt-2" aria-label={intl.formatMessage({ id: "protocols.commitments.dropNamed" }, { description })}>
      <ErrorAlert error={state.error} />
      <TextAreaField form={form} name="reason" label={intl.formatMessage({ id: "protocols.commitments.reasonLabel" })} />
      <FormActions submitLabel={<FormattedMessage id="protocols.commitments.dropSubmit" />} busy={state.fetching} danger size="sm" onCancel={onCancel} />
    </form>
  );
}
