import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "design-react-kit";
import { useId, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { today, useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { useSession } from "../../session/session";
import { nodes } from "../../ui/connection";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { applyServerErrors, TextAreaField, TextField } from "../../ui/fields";
import { LoadMore } from "../../ui/LoadMore";
import { Loading } from "../../ui/Loading";
import { usePageTitle } from "../../ui/usePageTitle";
import { isStatusFilter, mayManageProtocols, protocolSchema, statusFilters, statusWhere, type ProtocolValues } from "./model";
import { Validity } from "./Validity";
import { ProtocolsListCreateMutation, ProtocolsListQuery } from "./queries";
import { FormPanel } from "../../ui/FormPanel";
import { TableScroll } from "../../ui/TableScroll";

/** The network's protocols, filtered by their status today. */
export function ProtocolsList() {
  const intl = useIntl();
  const fmt = useFormat();
  const label = useEnumLabel();
  const session = useSession();
  const filterID = useId();
  usePageTitle(intl.formatMessage({ id: "protocols.list.title" }));
  const [params, setParams] = useSearchParams();
  const raw = params.get("status");
  const status = isStatusFilter(raw) ? raw : "";
  const where = useMemo(() => statusWhere(status, today()), [status]);
  const [after, setAfter] = useState<string | undefined>();
  const [result] = useQuery({ query: ProtocolsListQuery, variables: { where, after } });
  const [creating, setCreating] = useState(false);
  const protocols = nodes(result.data?.protocols);
  const canManage = mayManageProtocols({ has: session.has, organizationID: session.viewer.organization.id });

  return (
    <>
      <h1>
        <FormattedMessage id="protocols.list.title" />
      </h1>
      <p className="lead">
        <FormattedMessage id="protocols.list.intro" />
      </p>
      {canManage &&
        (creating ? (
          <CreateForm onCancel={() => setCreating(false)} />
        ) : (
          <Button color="primary" className="mb-4" onClick={() => setCreating(true)}>
            <FormattedMessage id="protocols.create.open" />
          </Button>
        ))}
      <div className="row mb-3">
        <div className="col-md-4">
          <label htmlFor={filterID} className="form-label fw-semibold">
            <FormattedMessage id="protocols.list.statusFilter" />
          </label>
          <select
            id={filterID}
            className="form-select"
            value={status}
            onChange={(e) => {
              setAfter(undefined);
              setParams(e.target.value ? { status: e.target.value } : {}, { replace: true });
            }}
          >
            {statusFilters.map((s) => (
              <option key={s} value={s}>
                {s ? label("ProtocolStatus", s) : intl.formatMessage({ id: "common.all" })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data && <Loading />}
      {result.data && protocols.length === 0 && (
        <p>
          <FormattedMessage id="protocols.list.none" />
        </p>
      )}
      {protocols.length > 0 && (
        <TableScroll>
          <table className="table table-hover align-middle">
            <caption>
              <FormattedMessage id="protocols.list.caption" values={{ count: result.data?.protocols.totalCount ?? protocols.length }} />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="protocols.field.title" />
                </th>
                <th scope="col">
                  <FormattedMessage id="protocols.field.status" />
                </th>
                <th scope="col">
                  <FormattedMessage id="protocols.field.signedOn" />
                </th>
                <th scope="col">
                  <FormattedMessage id="protocols.field.validity" />
                </th>
                <th scope="col" className="text-end">
                  <FormattedMessage id="protocols.field.parties" />
                </th>
              </tr>
            </thead>
            <tbody>
              {protocols.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/protocols/${p.id}`}>{p.title}</Link>
                  </th>
                  <td>{label("ProtocolStatus", p.currentStatus)}</td>
                  <td>{fmt.date(p.signedOn)}</td>
                  <td>
                    <Validity from={p.validFrom} until={p.validUntil} />
                  </td>
                  <td className="text-end">{p.parties.totalCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <LoadMore pageInfo={result.data?.protocols.pageInfo} fetching={result.fetching} onMore={setAfter} />
    </>
  );
}

function CreateForm({ onCancel }: { onCancel: () => void }) {
  const intl = useIntl();
  const t = (k: string) => intl.formatMessage({ id: k });
  const navigate = useNavigate();
  const form = useForm<ProtocolValues>({ resolver: zodResolver(protocolSchema), defaultValues: { title: "", purpose: "", validFrom: "", validUntil: "" } });
  const [state, create] = useMutation(ProtocolsListCreateMutation);
  const submit = form.handleSubmit(async (v) => {
    const r = await create({
      input: {
        title: v.title.trim(),
        purpose: v.purpose.trim() || null,
        status: "DRAFT",
        validFrom: v.validFrom ? v.validFrom : null,
        validUntil: v.validUntil ? v.validUntil : null,
      },
    });
    if (r.error || !r.data) {
      applyServerErrors(form, r.error, { title: "title", purpose: "purpose", validFrom: "validFrom", validUntil: "validUntil" });
      return;
    }
    void navigate(`/protocols/${r.data.createProtocol.id}`);
  });
  return (
    <FormPanel
      title={<FormattedMessage id="protocols.create.title" />}
      level={2}
      intro={
        <p>
          <FormattedMessage id="protocols.create.intro" />
        </p>
      }
      error={state.error}
      submitLabel={<FormattedMessage id="protocols.create.submit" />}
      busy={state.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField form={form} name="title" label={t("protocols.field.title")} />
      <TextAreaField form={form} name="purpose" label={t("protocols.field.purpose")} rows={4} />
      <TextField form={form} name="validFrom" type="date" label={t("protocols.field.validFrom")} />
      <TextField form={form} name="validUntil" type="date" label={t("protocols.field.validUntil")} />
    </FormPanel>
  );
}
