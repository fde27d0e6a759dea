import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, Button, Modal, ModalBody, ModalFooter, ModalHeader } from "design-react-kit";
import { useId, useMemo, useState } from "react";
import { useForm, type UseFormReturn } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useSearchParams } from "react-router";
import { useMutation, useQuery } from "urql";
import type { FundRowFragment as Fund, FundSource } from "../../gql/graphql";
import { useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { governs, useSession } from "../../session/session";
import { nodes } from "../../ui/connection";
import { useEnumOptions } from "../../ui/enums";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { applyServerErrors, SelectField, TextAreaField, TextField } from "../../ui/fields";
import { FormDialog } from "../../ui/FormDialog";
import { FormPanel } from "../../ui/FormPanel";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import { TableScroll } from "../../ui/TableScroll";
import { usePageTitle } from "../../ui/usePageTitle";
import { amendSchema, closeSchema, fundRefusal, fundSchema, usedCents, yearOf, yearsAround, type AmendInput, type AmendValues, type CloseValues, type FundInput, type FundValues } from "./funds";
import { useOrganizationOptions } from "../../ui/organizations";
import { FundsAmendMutation, FundsCloseMutation, FundsCreateMutation, FundsListQuery, FundsOptionsQuery } from "./fundsQueries";

// The funds of the network: what each body allocated, for which year and
// municipality, and what the interventions charged to it committed and
// spent. The steering committee and administrators create funds, amend
// their amount with a reason and close them; anyone else signed in reads
// them (the Fund policy lets every signed-in user read).

export function Funds() {
  const intl = useIntl();
  const session = useSession();
  const manages = governs(session);
  usePageTitle(intl.formatMessage({ id: "funds.title" }));
  const [params, setParams] = useSearchParams();
  const year = yearOf(params);
  const variables = useMemo(() => ({ where: year ? { year } : undefined }), [year]);
  const [result] = useQuery({ query: FundsListQuery, variables });
  const [creating, setCreating] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const funds = nodes(result.data?.funds);
  const thisYear = new Date().getFullYear();
  return (
    <>
      <p className="mb-2">
        <Link to="/steering">
          <FormattedMessage id="funds.back" />
        </Link>
      </p>
      <h1>
        <FormattedMessage id="funds.title" />
      </h1>
      <p className="lead">
        <FormattedMessage id="funds.intro" />
      </p>
      {done && <Notice>{done}</Notice>}
      {manages &&
        (creating ? (
          <FundForm
            onDone={(name) => {
              setCreating(false);
              setDone(intl.formatMessage({ id: "funds.created" }, { name }));
            }}
            onCancel={() => setCreating(false)}
          />
        ) : (
          <Button color="primary" className="mb-4" onClick={() => (setCreating(true), setDone(null))}>
            <FormattedMessage id="funds.new" />
          </Button>
        ))}
      <div className="mb-3" style={{ maxWidth: "16rem" }}>
        <label htmlFor="funds-year" className="form-label fw-semibold">
          <FormattedMessage id="funds.filter.year" />
        </label>
        <select
          id="funds-year"
          className="form-select"
          value={year ?? ""}
          onChange={(e) => {
            const p = new URLSearchParams(params);
            if (e.target.value) {
              p.set("year", e.target.value);
            } else {
              p.delete("year");
            }
            setParams(p, { replace: true });
          }}
        >
          <option value="">{intl.formatMessage({ id: "funds.filter.allYears" })}</option>
          {yearsAround(thisYear).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data && <Loading />}
      {result.data && funds.length === 0 && (
        <p>
          <FormattedMessage id="funds.none" />
        </p>
      )}
      {funds.length > 0 && <FundsTable funds={funds} manages={manages} onDone={setDone} />}
    </>
  );
}

function FundsTable({ funds, manages, onDone }: { funds: Fund[]; manages: boolean; onDone: (message: string) => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  return (
    <TableScroll>
      <table className="table table-sm align-middle">
        <caption className="visually-hidden">{t("funds.table")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("funds.col.name")}</th>
            <th scope="col">{t("funds.col.owner")}</th>
            <th scope="col">{t("funds.col.source")}</th>
            <th scope="col">{t("funds.col.municipality")}</th>
            <th scope="col">{t("funds.col.year")}</th>
            <th scope="col" className="text-end">
              {t("funds.col.allocated")}
            </th>
            <th scope="col" className="text-end">
              {t("funds.col.committed")}
            </th>
            <th scope="col" className="text-end">
              {t("funds.col.spent")}
            </th>
            <th scope="col" className="text-end">
              {t("funds.col.available")}
            </th>
            <th scope="col">{t("funds.col.state")}</th>
            <th scope="col">{t("funds.col.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {funds.map((f) => (
            <FundRow key={f.id} f={f} manages={manages} onDone={onDone} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function FundRow({ f, manages, onDone }: { f: Fund; manages: boolean; onDone: (message: string) => void }) {
  const intl = useIntl();
  const fmt = useFormat();
  const enumLabel = useEnumLabel();
  const [open, setOpen] = useState<"amend" | "close" | "history" | null>(null);
  const closed = Boolean(f.closedOn);
  const named = (id: string) => intl.formatMessage({ id }, { name: f.name });
  return (
    <tr>
      <th scope="row">{f.name}</th>
      <td>{f.owner.name}</td>
      <td>{enumLabel("FundSource", f.source)}</td>
      <td>{f.municipality?.name ?? intl.formatMessage({ id: "funds.allMunicipalities" })}</td>
      <td>{f.year}</td>
      <td className="text-end">{fmt.euros(f.allocatedCents)}</td>
      <td className="text-end">{fmt.euros(f.use.committedCents)}</td>
      <td className="text-end">{fmt.euros(f.use.spentCents)}</td>
      <td className="text-end">{fmt.euros(f.use.availableCents)}</td>
      <td>
        {closed ? (
          <span className="badge bg-secondary" title={f.closureReason ?? undefined}>
            <FormattedMessage id="funds.closedOn" values={{ date: fmt.date(f.closedOn) }} />
          </span>
        ) : (
          <FormattedMessage id="funds.open" />
        )}
      </td>
      <td>
        <div className="d-flex flex-wrap gap-1">
          <Button size="xs" color="primary" outline onClick={() => setOpen("history")} aria-label={named("funds.historyNamed")}>
            <FormattedMessage id="funds.history" />
          </Button>
          {manages && !closed && (
            <>
              <Button size="xs" color="primary" onClick={() => setOpen("amend")} aria-label={named("funds.amendNamed")}>
                <FormattedMessage id="funds.amend" />
              </Button>
              <Button size="xs" color="danger" outline onClick={() => setOpen("close")} aria-label={named("funds.closeNamed")}>
                <FormattedMessage id="funds.close" />
              </Button>
            </>
          )}
        </div>
        {open === "history" && <HistoryDialog fund={f} onClose={() => setOpen(null)} />}
        {open === "amend" && (
          <AmendDialog
            fund={f}
            onClose={() => setOpen(null)}
            onDone={() => {
              setOpen(null);
              onDone(named("funds.amended"));
            }}
          />
        )}
        {open === "close" && (
          <CloseDialog
            fund={f}
            onClose={() => setOpen(null)}
            onDone={() => {
              setOpen(null);
              onDone(named("funds.closed"));
            }}
          />
        )}
      </td>
    </tr>
  );
}

function FundForm({ onDone, onCancel }: { onDone: (name: string) => void; onCancel: () => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [options] = useQuery({ query: FundsOptionsQuery });
  const organizations = useOrganizationOptions();
  const sources = useEnumOptions("FundSource");
  const form = useForm<FundInput, unknown, FundValues>({
    resolver: zodResolver(fundSchema),
    defaultValues: { name: "", year: String(new Date().getFullYear()), source: "MUNICIPAL_BUDGET", ownerID: "", municipalityID: "", amount: "" },
  });
  // The fields hold what is typed (text); the schema turns it into numbers.
  const fields = form as unknown as UseFormReturn<FundInput>;
  const [state, create] = useMutation(FundsCreateMutation);
  const submit = form.handleSubmit(async (v) => {
    const r = await create({
      input: {
        name: v.name,
        year: v.year,
        source: v.source as FundSource,
        ownerID: v.ownerID,
        municipalityID: v.municipalityID || undefined,
        allocatedCents: v.amount,
      },
    });
    if (r.error) {
      applyServerErrors(fields, r.error, { name: "name", year: "year", source: "source", ownerID: "ownerID", municipalityID: "municipalityID", allocatedCents: "amount" });
      return;
    }
    onDone(v.name);
  });
  return (
    <FormPanel
      level={2}
      title={<FormattedMessage id="funds.formTitle" />}
      error={state.error}
      submitLabel={<FormattedMessage id="funds.submit" />}
      busy={state.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <ErrorAlert error={options.error} />
      <TextField form={fields} name="name" label={t("funds.field.name")} />
      <div className="row">
        <div className="col-sm-4">
          <TextField form={fields} name="year" type="number" min={2014} max={2100} label={t("funds.field.year")} />
        </div>
        <div className="col-sm-8">
          <TextField form={fields} name="amount" inputMode="decimal" label={t("funds.field.amount")} hint={t("funds.field.amountHint")} />
        </div>
      </div>
      <SelectField form={fields} name="source" label={t("funds.field.source")} options={sources} />
      <SelectField
        form={fields}
        name="ownerID"
        label={t("funds.field.owner")}
        placeholder={t("funds.field.chooseOwner")}
        options={organizations}
      />
      <SelectField
        form={fields}
        name="municipalityID"
        label={t("funds.field.municipality")}
        hint={t("funds.field.municipalityHint")}
        placeholder={t("funds.allMunicipalities")}
        options={nodes(options.data?.municipalities).map((m) => ({ value: m.id, label: m.name }))}
      />
    </FormPanel>
  );
}

/** The refusal of an amendment or a closure, in the user's words. */
function Refusal({ refusal }: { refusal: { id: string; values?: Record<string, string> } }) {
  return (
    <Alert color="danger" role="alert">
      <FormattedMessage id={refusal.id} values={refusal.values} />
    </Alert>
  );
}

function AmendDialog({ fund, onClose, onDone }: { fund: Fund; onClose: () => void; onDone: () => void }) {
  const intl = useIntl();
  const fmt = useFormat();
  const t = (id: string) => intl.formatMessage({ id });
  const form = useForm<AmendInput, unknown, AmendValues>({ resolver: zodResolver(amendSchema), defaultValues: { amount: "", reason: "" } });
  const fields = form as unknown as UseFormReturn<AmendInput>;
  const [state, amend] = useMutation(FundsAmendMutation);
  const refusal = fundRefusal(state.error, fmt.euros);
  const submit = form.handleSubmit(async (v) => {
    const r = await amend({ id: fund.id, allocatedCents: v.amount, reason: v.reason });
    if (!r.error) {
      onDone();
    }
  });
  return (
    <FormDialog
      title={intl.formatMessage({ id: "funds.amendTitle" }, { name: fund.name })}
      error={refusal ? null : state.error}
      submitLabel={t("funds.amendSubmit")}
      busy={state.fetching}
      onSubmit={(e) => void submit(e)}
      onCancel={onClose}
    >
      {refusal && <Refusal refusal={refusal} />}
      <p>
        <FormattedMessage
          id="funds.amendIntro"
          values={{ allocated: fmt.euros(fund.allocatedCents), used: fmt.euros(usedCents(fund.use)) }}
        />
      </p>
      <TextField form={fields} name="amount" inputMode="decimal" label={t("funds.field.newAmount")} hint={t("funds.field.amountHint")} />
      <TextAreaField form={fields} name="reason" label={t("funds.field.amendReason")} />
    </FormDialog>
  );
}

function CloseDialog({ fund, onClose, onDone }: { fund: Fund; onClose: () => void; onDone: () => void }) {
  const intl = useIntl();
  const fmt = useFormat();
  const t = (id: string) => intl.formatMessage({ id });
  const form = useForm<CloseValues>({ resolver: zodResolver(closeSchema), defaultValues: { reason: "" } });
  const [state, close] = useMutation(FundsCloseMutation);
  const refusal = fundRefusal(state.error, fmt.euros);
  const submit = form.handleSubmit(async (v) => {
    const r = await close({ id: fund.id, reason: v.reason });
    if (!r.error) {
      onDone();
    }
  });
  return (
    <FormDialog
      title={intl.formatMessage({ id: "funds.closeTitle" }, { name: fund.name })}
      error={refusal ? null : state.error}
      submitLabel={t("funds.closeSubmit")}
      danger
      busy={state.fetching}
      onSubmit={(e) => void submit(e)}
      onCancel={onClose}
    >
      {refusal && <Refusal refusal={refusal} />}
      <p>
        <FormattedMessage id="funds.closeIntro" />
      </p>
      <TextAreaField form={form} name="reason" label={t("funds.field.closeReason")} />
    </FormDialog>
  );
}

function HistoryDialog({ fund, onClose }: { fund: Fund; onClose: () => void }) {
  const intl = useIntl();
  const fmt = useFormat();
  const id = useId();
  const amendments = fund.amendments ?? [];
  return (
    <Modal isOpen toggle={onClose} labelledBy={`${id}-title`} centered size="lg" fade={false}>
      <ModalHeader tag="h2" id={`${id}-title`} className="h4">
        {intl.formatMessage({ id: "funds.historyTitle" }, { name: fund.name })}
      </ModalHeader>
      <ModalBody>
        {amendments.length === 0 ? (
          <p>
            <FormattedMessage id="funds.historyNone" values={{ allocated: fmt.euros(fund.allocatedCents) }} />
          </p>
        ) : (
          <ol>
            {amendments.map((a) => (
              <li key={a.id} className="mb-2">
                <FormattedMessage
                  id="funds.historyItem"
                  values={{
                    date: fmt.dateTime(a.amendedAt),
                    from: fmt.euros(a.previousCents),
                    to: fmt.euros(a.allocatedCents),
                    by: a.amendedBy?.name ?? "—",
                  }}
                />
                <br />
                <span className="small">
                  <FormattedMessage id="funds.historyReason" values={{ reason: a.reason }} />
                </span>
              </li>
            ))}
          </ol>
        )}
        {fund.closedOn && (
          <p className="mb-0">
            <FormattedMessage id="funds.closedBecause" values={{ date: fmt.date(fund.closedOn), reason: fund.closureReason ?? "—" }} />
          </p>
        )}
      </ModalBody>
      <ModalFooter>
        <Button color="primary" onClick={onClose}>
          <FormattedMessage id="funds.historyDone" />
        </Button>
      </ModalFooter>
    </Modal>
  );
}
