import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "design-react-kit";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import type { ProtocolPartyRole } from "../../gql/graphql";
import { today, useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { useSession } from "../../session/session";
import { nodes } from "../../ui/connection";
import { useEnumOptions } from "../../ui/enums";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { applyServerErrors, SelectField, TextAreaField, TextField } from "../../ui/fields";
import { Loading } from "../../ui/Loading";
import { usePageTitle } from "../../ui/usePageTitle";
import { Commitments, type CommitmentRow } from "./Commitments";
import { Validity } from "./Validity";
import {
  activateSchemaFor,
  commitmentSchema,
  lastSignature,
  MIN_PARTIES,
  partySchema,
  protocolActions,
  type ActivateValues,
  type CommitmentValues,
  type PartyValues,
  type ProtocolViewer,
} from "./model";
import {
  ProtocolPageActivateMutation,
  ProtocolPageAddCommitmentMutation,
  ProtocolPageAddPartyMutation,
  ProtocolPageQuery,
  ProtocolPageTerminateMutation,
} from "./queries";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Notice } from "../../ui/Notice";
import { FormPanel } from "../../ui/FormPanel";
import { TableScroll } from "../../ui/TableScroll";
import { useOrganizationOptions } from "../../ui/organizations";
import { Delivered } from "./Delivered";
import { SignPartyDialog } from "./SignParty";

type Panel = "activate" | "terminate" | "party" | "commitment" | { sign: string } | null;

/** One protocol: its parties and their signatures, their commitments, the objectives it serves and what was delivered under it. */
export function ProtocolPage() {
  const { id = "" } = useParams();
  const intl = useIntl();
  const fmt = useFormat();
  const label = useEnumLabel();
  const session = useSession();
  const [result, refetch] = useQuery({ query: ProtocolPageQuery, variables: { id } });
  const fetched = result.data?.node?.__typename === "Protocol" ? result.data.node : null;
  // While a change is refetched the cache may answer nothing for a moment:
  // keep showing the protocol (and the notice of what was just done).
  const [last, setLast] = useState(fetched);
  if (fetched && fetched !== last) {
    setLast(fetched);
  }
  const p = fetched ?? (result.fetching && last?.id === id ? last : null);
  usePageTitle(p?.title ?? intl.formatMessage({ id: "protocols.page.title" }));
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (!p) {
    return (
      <>
        <h1>
          <FormattedMessage id="protocols.page.title" />
        </h1>
        <ErrorAlert error={result.error} />
        {result.fetching && <Loading />}
        {!result.fetching && !result.error && (
          <p>
            <FormattedMessage id="protocols.page.notFound" />
          </p>
        )}
        <Link to="/protocols">
          <FormattedMessage id="protocols.page.backToList" />
        </Link>
      </>
    );
  }

  const viewer: ProtocolViewer = { has: session.has, organizationID: session.viewer.organization.id };
  const parties = nodes(p.parties);
  const actions = protocolActions(viewer, p.currentStatus, parties);
  const signing = panel !== null && typeof panel === "object" ? parties.find((x) => x.id === panel.sign) : undefined;
  const rows: CommitmentRow[] = parties.flatMap((party) => nodes(party.commitments).map((commitment) => ({ commitment, owner: party.organization })));
  const objectives = nodes(p.objectives);
  const refresh = () => refetch({ requestPolicy: "network-only" });
  const done = (message: string) => {
    setPanel(null);
    setNotice(message);
    refresh();
  };
  const show = (next: Panel) => {
    setPanel(next);
    setNotice(null);
  };

  return (
    <>
      <nav aria-label={intl.formatMessage({ id: "protocols.page.breadcrumb" })} className="mb-2">
        <Link to="/protocols">
          <FormattedMessage id="protocols.page.backToList" />
        </Link>
      </nav>
      <h1>{p.title}</h1>
      <dl className="row mb-3">
        <dt className="col-sm-3">
          <FormattedMessage id="protocols.field.status" />
        </dt>
        <dd className="col-sm-9">
          <strong>{label("ProtocolStatus", p.currentStatus)}</strong>
        </dd>
        <dt className="col-sm-3">
          <FormattedMessage id="protocols.field.signedOn" />
        </dt>
        <dd className="col-sm-9">{fmt.date(p.signedOn)}</dd>
        <dt className="col-sm-3">
          <FormattedMessage id="protocols.field.validity" />
        </dt>
        <dd className="col-sm-9">
          <Validity from={p.validFrom} until={p.validUntil} />
        </dd>
        {p.purpose && (
          <>
            <dt className="col-sm-3">
              <FormattedMessage id="protocols.field.purpose" />
            </dt>
            <dd className="col-sm-9" style={{ whiteSpace: "pre-line" }}>
              {p.purpose}
            </dd>
          </>
        )}
      </dl>

      {notice && (
        <Notice>{notice}</Notice>
      )}
      {(actions.activate || actions.terminate) && (
        <div className="d-flex flex-wrap align-items-center gap-2 mb-4">
          {actions.activate && (
            // Disabled while blocked, with the reason in words beside it
            // (and tied to it) so that it reads without hovering.
            <Button color="primary" disabled={actions.activateBlocked !== null} aria-describedby={actions.activateBlocked ? "protocols-activate-blocked" : undefined} onClick={() => show("activate")}>
              <FormattedMessage id="protocols.activate.open" />
            </Button>
          )}
          {actions.activateBlocked && (
            <p id="protocols-activate-blocked" className="mb-0">
              <FormattedMessage id={`protocols.activate.blocked.${actions.activateBlocked}`} values={{ min: MIN_PARTIES }} />
            </p>
          )}
          {actions.terminate && (
            <Button color="danger" outline onClick={() => show("terminate")}>
              <FormattedMessage id="protocols.terminate.open" />
            </Button>
          )}
        </div>
      )}
      {panel === "activate" && <ActivateForm id={p.id} lastSigned={lastSignature(parties)} onCancel={() => setPanel(null)} onDone={() => done(intl.formatMessage({ id: "protocols.activate.done" }))} />}
      {panel === "terminate" && <TerminateConfirm id={p.id} onCancel={() => setPanel(null)} onDone={() => done(intl.formatMessage({ id: "protocols.terminate.done" }))} />}

      <section aria-labelledby="protocols-parties-title" className="mb-5">
        <h2 id="protocols-parties-title" className="h3">
          <FormattedMessage id="protocols.parties.title" values={{ count: parties.length }} />
        </h2>
        {actions.addParty &&
          (panel === "party" ? (
            <PartyForm protocolID={p.id} onCancel={() => setPanel(null)} onDone={(name) => done(intl.formatMessage({ id: "protocols.parties.added" }, { name }))} />
          ) : (
            <Button color="primary" className="mb-3" onClick={() => show("party")}>
              <FormattedMessage id="protocols.parties.add" />
            </Button>
          ))}
        {parties.length === 0 ? (
          <p>
            <FormattedMessage id="protocols.parties.none" />
          </p>
        ) : (
          <TableScroll>
            <table className="table align-middle">
              <caption className="visually-hidden">{intl.formatMessage({ id: "protocols.parties.caption" })}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage id="protocols.parties.organization" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="protocols.parties.role" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="protocols.parties.operatingMode" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="protocols.parties.signature" />
                  </th>
                  <th scope="col" className="text-end">
                    <FormattedMessage id="protocols.parties.commitments" />
                  </th>
                  {actions.sign && (
                    <th scope="col">
                      <FormattedMessage id="protocols.parties.actions" />
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {parties.map((party) => (
                  <tr key={party.id}>
                    <td>{party.organization.name}</td>
                    <td>{label("ProtocolPartyRole", party.role)}</td>
                    <td>{party.operatingMode ?? "—"}</td>
                    <td>
                      {party.signedOn ? (
                        <FormattedMessage
                          id={party.signerRole ? "protocols.parties.signedBy" : "protocols.parties.signedByNoRole"}
                          values={{ date: fmt.date(party.signedOn), name: party.signerName, role: party.signerRole }}
                        />
                      ) : (
                        <FormattedMessage id="protocols.parties.unsigned" />
                      )}
                    </td>
                    <td className="text-end">{nodes(party.commitments).length}</td>
                    {actions.sign && (
                      <td>
                        {!party.signedOn && (
                          <Button
                            color="primary"
                            size="xs"
                            aria-label={intl.formatMessage({ id: "protocols.sign.openNamed" }, { name: party.organization.name })}
                            onClick={() => show({ sign: party.id })}
                          >
                            <FormattedMessage id="protocols.sign.open" />
                          </Button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {signing && (
          <SignPartyDialog party={signing} onCancel={() => setPanel(null)} onDone={(name) => done(intl.formatMessage({ id: "protocols.sign.done" }, { name }))} />
        )}
      </section>

      <section aria-labelledby="protocols-commitments-title" className="mb-5">
        <h2 id="protocols-commitments-title" className="h3">
          <FormattedMessage id="protocols.commitments.title" />
        </h2>
        {actions.addCommitment &&
          (panel === "commitment" ? (
            <CommitmentForm
              parties={parties.map((x) => ({ value: x.id, label: x.organization.name }))}
              onCancel={() => setPanel(null)}
              onDone={() => done(intl.formatMessage({ id: "protocols.commitments.added" }))}
            />
          ) : (
            <Button color="primary" className="mb-3" onClick={() => show("commitment")}>
              <FormattedMessage id="protocols.commitments.add" />
            </Button>
          ))}
        <Commitments rows={rows} viewer={viewer} onChanged={() => (setNotice(intl.formatMessage({ id: "protocols.commitments.settled" })), refresh())} />
      </section>

      <section aria-labelledby="protocols-objectives-title" className="mb-5">
        <h2 id="protocols-objectives-title" className="h3">
          <FormattedMessage id="protocols.objectives.title" />
        </h2>
        {objectives.length === 0 ? (
          <p>
            <FormattedMessage id="protocols.objectives.none" />
          </p>
        ) : (
          <ul>
            {objectives.map((o) => (
              <li key={o.id}>
                <strong>{o.title}</strong>
                {" — "}
                <FormattedMessage
                  id="protocols.objectives.detail"
                  values={{
                    indicator: label("ObjectiveIndicator", o.indicator),
                    target: fmt.number(o.target, 2),
                    from: fmt.date(o.periodStart),
                    until: fmt.date(o.periodEnd),
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <Delivered protocolID={p.id} totals={p.delivered} />
    </>
  );
}

function ActivateForm({ id, lastSigned, onDone, onCancel }: { id: string; lastSigned: string | undefined; onDone: () => void; onCancel: () => void }) {
  const intl = useIntl();
  const fmt = useFormat();
  const t = (k: string) => intl.formatMessage({ id: k });
  const form = useForm<ActivateValues>({ resolver: zodResolver(activateSchemaFor(lastSigned)), defaultValues: { signedOn: today(), validFrom: "", validUntil: "" } });
  const [state, activate] = useMutation(ProtocolPageActivateMutation);
  const submit = form.handleSubmit(async (v) => {
    const r = await activate({
      id,
      signedOn: v.signedOn,
      validFrom: v.validFrom ? v.validFrom : null,
      validUntil: v.validUntil ? v.validUntil : null,
    });
    if (r.error) {
      applyServerErrors(form, r.error, { signedOn: "signedOn", validFrom: "validFrom", validUntil: "validUntil" });
      return;
    }
    onDone();
  });
  return (
    <FormPanel
      title={<FormattedMessage id="protocols.activate.title" />}
      level={2}
      error={state.error}
      submitLabel={<FormattedMessage id="protocols.activate.submit" />}
      busy={state.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField
        form={form}
        name="signedOn"
        type="date"
        label={t("protocols.field.signedOn")}
        hint={lastSigned ? intl.formatMessage({ id: "protocols.activate.signedOnHint" }, { date: fmt.date(lastSigned) }) : undefined}
      />
      <TextField form={form} name="validFrom" type="date" label={t("protocols.field.validFrom")} hint={t("protocols.activate.validFromHint")} />
      <TextField form={form} name="validUntil" type="date" label={t("protocols.field.validUntil")} hint={t("protocols.activate.validUntilHint")} />
    </FormPanel>
  );
}

function TerminateConfirm({ id, onDone, onCancel }: { id: string; onDone: () => void; onCancel: () => void }) {
  const intl = useIntl();
  const [state, terminate] = useMutation(ProtocolPageTerminateMutation);
  return (
    <ConfirmDialog
      isOpen
      title={intl.formatMessage({ id: "protocols.terminate.title" })}
      confirmLabel={intl.formatMessage({ id: "protocols.terminate.submit" })}
      busy={state.fetching}
      onConfirm={async () => !(await terminate({ id })).error && onDone()}
      onCancel={onCancel}
    >
      <p>
        <FormattedMessage id="protocols.terminate.text" />
      </p>
      <ErrorAlert error={state.error} />
    </ConfirmDialog>
  );
}

function PartyForm({ protocolID, onDone, onCancel }: { protocolID: string; onDone: (name: string) => void; onCancel: () => void }) {
  const intl = useIntl();
  const t = (k: string) => intl.formatMessage({ id: k });
  const organizations = useOrganizationOptions();
  const roles = useEnumOptions("ProtocolPartyRole");
  const form = useForm<PartyValues>({ resolver: zodResolver(partySchema), defaultValues: { organizationID: "", role: "", operatingMode: "" } });
  const [state, add] = useMutation(ProtocolPageAddPartyMutation);
  const submit = form.handleSubmit(async (v) => {
    const r = await add({
      protocolID,
      input: { organizationID: v.organizationID, role: v.role as ProtocolPartyRole, operatingMode: v.operatingMode.trim() || null },
    });
    if (r.error) {
      applyServerErrors(form, r.error, { organizationID: "organizationID", role: "role", operatingMode: "operatingMode" });
      return;
    }
    onDone(r.data?.addProtocolParty.organization.name ?? "");
  });
  return (
    <FormPanel
      title={<FormattedMessage id="protocols.parties.formTitle" />}
      error={state.error}
      submitLabel={<FormattedMessage id="protocols.parties.submit" />}
      busy={state.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <SelectField
        form={form}
        name="organizationID"
        label={t("protocols.parties.organization")}
        placeholder={t("protocols.choose")}
        options={organizations}
      />
      <SelectField form={form} name="role" label={t("protocols.parties.role")} placeholder={t("protocols.choose")} options={roles} />
      <TextAreaField form={form} name="operatingMode" label={t("protocols.parties.operatingModeLabel")} />
    </FormPanel>
  );
}

function CommitmentForm({ parties, onDone, onCancel }: { parties: { value: string; label: string }[]; onDone: () => void; onCancel: () => void }) {
  const intl = useIntl();
  const t = (k: string) => intl.formatMessage({ id: k });
  const form = useForm<CommitmentValues>({
    resolver: zodResolver(commitmentSchema),
    defaultValues: { partyID: parties.length === 1 ? (parties[0]?.value ?? "") : "", description: "", dueOn: "" },
  });
  const [state, add] = useMutation(ProtocolPageAddCommitmentMutation);
  const submit = form.handleSubmit(async (v) => {
    const r = await add({ partyID: v.partyID, input: { description: v.description.trim(), dueOn: v.dueOn ? v.dueOn : null } });
    if (r.error) {
      applyServerErrors(form, r.error, { partyID: "partyID", description: "description", dueOn: "dueOn" });
      return;
    }
    onDone();
  });
  return (
    <FormPanel
      title={<FormattedMessage id="protocols.commitments.formTitle" />}
      error={state.error}
      submitLabel={<FormattedMessage id="protocols.commitments.submit" />}
      busy={state.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <SelectField form={form} name="partyID" label={t("protocols.commitments.owner")} placeholder={t("protocols.choose")} options={parties} />
      <TextAreaField form={form} name="description" label={t("protocols.commitments.descriptionLabel")} />
      <TextField form={form} name="dueOn" type="date" label={t("protocols.commitments.dueOn")} />
    </FormPanel>
  );
}
