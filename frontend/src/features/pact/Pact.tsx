import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "design-react-kit";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation, useQuery } from "urql";
import type { PactQuery as PactData } from "../../gql/graphql";
import { findError } from "../../api/errors";
import { today, useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { governs, useSession } from "../../session/session";
import { nodes } from "../../ui/connection";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { applyServerErrors, SelectField, TextAreaField, TextField } from "../../ui/fields";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import { useOrganizationOptions } from "../../ui/organizations";
import { usePageTitle } from "../../ui/usePageTitle";
import { FormDialog } from "../../ui/FormDialog";
import {
  amendmentSchema,
  amendmentText,
  committeeRoles,
  leaveSchema,
  newestFirst,
  seatSchema,
  signatorySchema,
  unseatedBodies,
  unsignedBodies,
  type AmendmentValues,
  type LeaveValues,
  type SeatValues,
  type SignatoryValues,
} from "./model";
import {
  PactAddCommitteeMemberMutation,
  PactAddSignatoryMutation,
  PactAmendMutation,
  PactBodyUsersQuery,
  PactEndCommitteeMemberMutation,
  PactEndSignatoryMutation,
  PactQuery,
} from "./queries";

// The territorial pact: its text in force, who signed it over time, its
// amendments, and the committee's seats. Every signed-in user reads it;
// the committee and administrators record signatures, withdrawals and
// amendments (the API's policies say so too).

type PactNode = NonNullable<NonNullable<NonNullable<PactData["pacts"]["edges"]>[number]>["node"]>;
type Signatory = NonNullable<NonNullable<NonNullable<PactNode["signatories"]["edges"]>[number]>["node"]>;

export function Pact() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "pact.title" }));
  const session = useSession();
  const writes = governs(session);
  const fmt = useFormat();
  const enumLabel = useEnumLabel();
  const [all, setAll] = useState(false);
  const [result, refetch] = useQuery({ query: PactQuery, variables: { current: all ? undefined : true } });
  const [dialog, setDialog] = useState<"sign" | "amend" | { leave: Signatory } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const pact = nodes(result.data?.pacts)[0];
  const signatories = nodes(pact?.signatories);
  const seats = nodes(result.data?.committeeMembers);
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
    refetch({ requestPolicy: "network-only" });
  };
  return (
    <>
      <h1>
        <FormattedMessage id="pact.title" />
      </h1>
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data && <Loading />}
      {result.data && !pact && (
        <p>
          <FormattedMessage id="pact.none" />
        </p>
      )}
      {notice && <Notice>{notice}</Notice>}
      {pact && (
        <>
          <section aria-labelledby="pact-text-title" className="mb-5">
            <h2 id="pact-text-title" className="h3">
              {pact.name}
            </h2>
            <p className="small">
              <FormattedMessage id="pact.signedOn" values={{ date: fmt.date(pact.signedOn) }} />
            </p>
            {pact.description && <p style={{ whiteSpace: "pre-line" }}>{pact.description}</p>}
            <h3 className="h5">
              <FormattedMessage id="pact.text" />
            </h3>
            {pact.text ? (
              <div className="border rounded p-3 bg-light" style={{ whiteSpace: "pre-line" }}>
                {pact.text}
              </div>
            ) : (
              <p>
                <FormattedMessage id="pact.noText" />
              </p>
            )}
          </section>

          <section aria-labelledby="pact-signatories-title" className="mb-5">
            <h2 id="pact-signatories-title" className="h3">
              <FormattedMessage id="pact.signatories" />
            </h2>
            <div className="d-flex flex-wrap gap-3 align-items-center mb-3">
              <div className="form-check mb-0">
                <input id="pact-all" type="checkbox" className="form-check-input" checked={all} onChange={(e) => setAll(e.target.checked)} />
                <label htmlFor="pact-all" className="form-check-label">
                  <FormattedMessage id="pact.showAll" />
                </label>
              </div>
              {writes && (
                <Button color="primary" onClick={() => (setNotice(null), setDialog("sign"))}>
                  <FormattedMessage id="pact.addSignatory" />
                </Button>
              )}
            </div>
            {signatories.length === 0 ? (
              <p>
                <FormattedMessage id="pact.noSignatories" />
              </p>
            ) : (
              <div className="table-responsive">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">
                        <FormattedMessage id="pact.col.body" />
                      </th>
                      <th scope="col">
                        <FormattedMessage id="pact.col.role" />
                      </th>
                      <th scope="col">
                        <FormattedMessage id="pact.col.joined" />
                      </th>
                      <th scope="col">
                        <FormattedMessage id="pact.col.left" />
                      </th>
                      <th scope="col">
                        <FormattedMessage id="pact.col.signer" />
                      </th>
                      {writes && (
                        <th scope="col">
                          <FormattedMessage id="pact.col.actions" />
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {signatories.map((s) => (
                      <tr key={s.id}>
                        <th scope="row">{s.organization.name}</th>
                        <td>{enumLabel("PactSignatoryRole", s.role)}</td>
                        <td>{fmt.date(s.joinedOn)}</td>
                        <td>
                          {s.leftOn ? (
                            <>
                              {fmt.date(s.leftOn)}
                              {s.leavingReason && <span className="d-block small">{s.leavingReason}</span>}
                            </>
                          ) : (
                            "—"
                          )}
                        </td>
                        <td>
                          {s.signerName || "—"}
                          {s.signerRole && <span className="d-block small">{s.signerRole}</span>}
                        </td>
                        {writes && (
                          <td>
                            {!s.leftOn && (
                              <Button
                                size="xs"
                                color="primary"
                                outline
                                onClick={() => (setNotice(null), setDialog({ leave: s }))}
                                aria-label={intl.formatMessage({ id: "pact.leaveFor" }, { body: s.organization.name })}
                              >
                                <FormattedMessage id="pact.leave" />
                              </Button>
                            )}
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section aria-labelledby="pact-amendments-title" className="mb-5">
            <h2 id="pact-amendments-title" className="h3">
              <FormattedMessage id="pact.amendments" />
            </h2>
            {writes && (
              <Button color="primary" className="mb-3" onClick={() => (setNotice(null), setDialog("amend"))}>
                <FormattedMessage id="pact.amend" />
              </Button>
            )}
            {(pact.amendments ?? []).length === 0 ? (
              <p>
                <FormattedMessage id="pact.noAmendments" />
              </p>
            ) : (
              <ul className="list-unstyled">
                {newestFirst(pact.amendments ?? []).map((a) => (
                  <li key={a.id} className="border-bottom py-2">
                    <p className="mb-1">
                      <strong>{fmt.date(a.amendedOn)}</strong> — {a.summary}
                    </p>
                    <p className="small mb-1">
                      <FormattedMessage id="pact.recordedBy" values={{ by: a.recordedBy?.name ?? "—", at: fmt.dateTime(a.recordedAt) }} />
                    </p>
                    {a.previousText && (
                      <details>
                        <summary>
                          <FormattedMessage id="pact.previousText" />
                        </summary>
                        <div className="border rounded p-2 mt-2" style={{ whiteSpace: "pre-line" }}>
                          {a.previousText}
                        </div>
                      </details>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <Seats seats={seats} writes={writes} onChanged={done} onClear={() => setNotice(null)} />

          {dialog === "sign" && (
            <SignDialog pactID={pact.id} signatories={signatories} onDone={done} onCancel={() => setDialog(null)} />
          )}
          {dialog === "amend" && <AmendDialog pactID={pact.id} current={pact.text} onDone={done} onCancel={() => setDialog(null)} />}
          {dialog && typeof dialog === "object" && <LeaveDialog signatory={dialog.leave} onDone={done} onCancel={() => setDialog(null)} />}
        </>
      )}
    </>
  );
}

type Seat = NonNullable<NonNullable<NonNullable<PactData["committeeMembers"]["edges"]>[number]>["node"]>;

function Seats({ seats, writes, onChanged, onClear }: { seats: Seat[]; writes: boolean; onChanged: (message: string) => void; onClear: () => void }) {
  const intl = useIntl();
  const fmt = useFormat();
  const enumLabel = useEnumLabel();
  const [state, end] = useMutation(PactEndCommitteeMemberMutation);
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="pact-seats-title" className="mb-5">
      <h2 id="pact-seats-title" className="h3">
        <FormattedMessage id="pact.seats" />
      </h2>
      {writes && (
        <Button color="primary" className="mb-3" onClick={() => (onClear(), setAdding(true))}>
          <FormattedMessage id="pact.addSeat" />
        </Button>
      )}
      {adding && (
        <SeatDialog
          seats={seats}
          onDone={(message) => {
            setAdding(false);
            onChanged(message);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      <ErrorAlert error={state.error} />
      {seats.length === 0 ? (
        <p>
          <FormattedMessage id="pact.noSeats" />
        </p>
      ) : (
        <div className="table-responsive">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="pact.col.body" />
                </th>
                <th scope="col">
                  <FormattedMessage id="pact.col.role" />
                </th>
                <th scope="col">
                  <FormattedMessage id="pact.col.representative" />
                </th>
                <th scope="col">
                  <FormattedMessage id="pact.col.from" />
                </th>
                <th scope="col">
                  <FormattedMessage id="pact.col.until" />
                </th>
                {writes && (
                  <th scope="col">
                    <FormattedMessage id="pact.col.actions" />
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {seats.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.organization.name}</th>
                  <td>{enumLabel("CommitteeMemberRole", m.role)}</td>
                  <td>{m.representative?.name ?? "—"}</td>
                  <td>{fmt.date(m.fromOn)}</td>
                  <td>{fmt.date(m.untilOn)}</td>
                  {writes && (
                    <td>
                      {!m.untilOn && (
                        <Button
                          size="xs"
                          color="primary"
                          outline
                          disabled={state.fetching}
                          aria-label={intl.formatMessage({ id: "pact.endSeatFor" }, { body: m.organization.name })}
                          onClick={async () => {
                            const r = await end({ id: m.id, untilOn: today() });
                            if (!r.error) onChanged(intl.formatMessage({ id: "pact.seatEnded" }, { body: m.organization.name }));
                          }}
                        >
                          <FormattedMessage id="pact.endSeat" />
                        </Button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SignDialog({
  pactID,
  signatories,
  onDone,
  onCancel,
}: {
  pactID: string;
  signatories: Signatory[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const candidates = unsignedBodies(useOrganizationOptions(), signatories);
  const form = useForm<SignatoryValues>({
    resolver: zodResolver(signatorySchema),
    defaultValues: { organizationID: "", role: "ADHERENT", joinedOn: today(), signerName: "", signerRole: "" },
  });
  const [state, add] = useMutation(PactAddSignatoryMutation);
  const submit = form.handleSubmit(async (v) => {
    const r = await add({
      pactID,
      input: { organizationID: v.organizationID, role: v.role, joinedOn: v.joinedOn, signerName: v.signerName.trim(), signerRole: v.signerRole.trim() || undefined },
    });
    if (r.error) {
      applyServerErrors(form, r.error, { organizationID: "organizationID", joinedOn: "joinedOn", signerName: "signerName", signerRole: "signerRole" });
      return;
    }
    const body = candidates.find((o) => o.value === v.organizationID)?.label ?? "";
    onDone(intl.formatMessage({ id: "pact.signatoryAdded" }, { body }));
  });
  return (
    <FormDialog title={<FormattedMessage id="pact.addSignatory" />} error={state.error} submitLabel={<FormattedMessage id="pact.addSignatorySubmit" />} busy={state.fetching} onSubmit={submit} onCancel={onCancel}>
      <SelectField form={form} name="organizationID" label={t("pact.field.body")} placeholder={t("pact.field.choose")} options={candidates} />
      <SelectField
        form={form}
        name="role"
        label={t("pact.field.role")}
        options={(["PROMOTER", "ADHERENT"] as const).map((r) => ({ value: r, label: t(`enum.PactSignatoryRole.${r}`) }))}
      />
      <TextField form={form} name="joinedOn" type="date" label={t("pact.field.joinedOn")} />
      <TextField form={form} name="signerName" label={t("pact.field.signerName")} />
      <TextField form={form} name="signerRole" label={t("pact.field.signerRole")} />
    </FormDialog>
  );
}

/**
 * A body's seat in the committee: the bodies holding none, its role, its
 * representative among the body's users the viewer may read, and its first
 * day.
 */
function SeatDialog({ seats, onDone, onCancel }: { seats: Seat[]; onDone: (message: string) => void; onCancel: () => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const candidates = unseatedBodies(useOrganizationOptions(), seats);
  const form = useForm<SeatValues>({
    resolver: zodResolver(seatSchema(today())),
    defaultValues: { organizationID: "", role: "MEMBER", representativeID: "", fromOn: today() },
  });
  const organizationID = form.watch("organizationID");
  const [users] = useQuery({ query: PactBodyUsersQuery, variables: { organizationID }, pause: !organizationID });
  // A representative is one of the body's users: choosing another body
  // forgets the one chosen before.
  useEffect(() => {
    form.setValue("representativeID", "");
  }, [form, organizationID]);
  const [state, add] = useMutation(PactAddCommitteeMemberMutation);
  const submit = form.handleSubmit(async (v) => {
    const r = await add({
      input: { organizationID: v.organizationID, role: v.role, representativeID: v.representativeID || undefined, fromOn: v.fromOn },
    });
    if (r.error) {
      // The only conflict is a seat taken meanwhile by the same body.
      if (findError(r.error, "CONFLICT")) {
        form.setError("organizationID", { message: "pact.error.seatTaken" });
        return;
      }
      applyServerErrors(form, r.error, { organizationID: "organizationID", representativeID: "representativeID", role: "role", fromOn: "fromOn" });
      return;
    }
    const body = candidates.find((o) => o.value === v.organizationID)?.label ?? "";
    onDone(intl.formatMessage({ id: "pact.seatAdded" }, { body }));
  });
  const conflict = Boolean(findError(state.error, "CONFLICT"));
  return (
    <FormDialog
      title={<FormattedMessage id="pact.addSeat" />}
      error={conflict ? undefined : state.error}
      submitLabel={<FormattedMessage id="pact.addSeatSubmit" />}
      busy={state.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <SelectField form={form} name="organizationID" label={t("pact.field.body")} placeholder={t("pact.field.choose")} options={candidates} />
      <SelectField form={form} name="role" label={t("pact.field.role")} options={committeeRoles.map((r) => ({ value: r, label: t(`enum.CommitteeMemberRole.${r}`) }))} />
      <ErrorAlert error={users.error} />
      <SelectField
        form={form}
        name="representativeID"
        label={t("pact.field.representative")}
        hint={t(organizationID ? "pact.field.representativeHint" : "pact.field.representativeFirst")}
        placeholder={t("pact.field.noRepresentative")}
        options={organizationID ? nodes(users.data?.users).map((u) => ({ value: u.id, label: u.name })) : []}
      />
      <TextField form={form} name="fromOn" type="date" label={t("pact.field.fromOn")} />
    </FormDialog>
  );
}

function LeaveDialog({ signatory, onDone, onCancel }: { signatory: Signatory; onDone: (message: string) => void; onCancel: () => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const form = useForm<LeaveValues>({ resolver: zodResolver(leaveSchema), defaultValues: { leftOn: today(), reason: "" } });
  const [state, end] = useMutation(PactEndSignatoryMutation);
  const submit = form.handleSubmit(async (v) => {
    const r = await end({ id: signatory.id, leftOn: v.leftOn, reason: v.reason.trim() });
    if (r.error) {
      applyServerErrors(form, r.error, { leftOn: "leftOn", reason: "reason" });
      return;
    }
    onDone(intl.formatMessage({ id: "pact.leaveRecorded" }, { body: signatory.organization.name }));
  });
  return (
    <FormDialog
      title={<FormattedMessage id="pact.leaveTitle" values={{ body: signatory.organization.name }} />}
      error={state.error}
      submitLabel={<FormattedMessage id="pact.leave" />}
      busy={state.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField form={form} name="leftOn" type="date" label={t("pact.field.leftOn")} />
      <TextAreaField form={form} name="reason" label={t("pact.field.reason")} />
    </FormDialog>
  );
}

function AmendDialog({ pactID, current, onDone, onCancel }: { pactID: string; current: string | null | undefined; onDone: (message: string) => void; onCancel: () => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const form = useForm<AmendmentValues>({
    resolver: zodResolver(amendmentSchema),
    defaultValues: { amendedOn: today(), summary: "", changeText: false, text: current ?? "" },
  });
  const changeText = form.watch("changeText");
  const [state, amend] = useMutation(PactAmendMutation);
  const submit = form.handleSubmit(async (v) => {
    const r = await amend({ id: pactID, input: { amendedOn: v.amendedOn, summary: v.summary.trim(), text: amendmentText(v, current) } });
    if (r.error) {
      applyServerErrors(form, r.error, { amendedOn: "amendedOn", summary: "summary", text: "text" });
      return;
    }
    onDone(t("pact.amendmentRecorded"));
  });
  return (
    <FormDialog title={<FormattedMessage id="pact.amend" />} error={state.error} submitLabel={<FormattedMessage id="pact.amendSubmit" />} busy={state.fetching} onSubmit={submit} onCancel={onCancel}>
      <TextField form={form} name="amendedOn" type="date" label={t("pact.field.amendedOn")} />
      <TextAreaField form={form} name="summary" label={t("pact.field.summary")} />
      <div className="form-check mb-3">
        <input id="pact-change-text" type="checkbox" className="form-check-input" {...form.register("changeText")} />
        <label htmlFor="pact-change-text" className="form-check-label">
          <FormattedMessage id="pact.field.changeText" />
        </label>
      </div>
      {changeText && <TextAreaField form={form} name="text" label={t("pact.field.text")} rows={10} />}
    </FormDialog>
  );
}
