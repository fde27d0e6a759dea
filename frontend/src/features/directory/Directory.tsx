import { Button } from "design-react-kit";
import { useId, useMemo, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { DataTable } from "../../ui/DataTable";
import { nodes } from "../../ui/connection";
import { useEnumOptions } from "../../ui/enums";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { LoadMore } from "../../ui/LoadMore";
import { Loading } from "../../ui/Loading";
import { Section } from "../../ui/Section";
import { usePageTitle } from "../../ui/usePageTitle";
import { mailHref, organizationWhere, telHref, websiteHref } from "./contacts";
import { DirectoryMunicipalitiesQuery, DirectoryOrganizationsQuery } from "./queries";

/** The network's organisations with their contacts, and its municipalities with their tables. */
export function Directory() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "directory.title" }));
  return (
    <>
      <h1>
        <FormattedMessage id="directory.title" />
      </h1>
      <p className="lead">
        <FormattedMessage id="directory.intro" />
      </p>
      <Organizations />
      <Municipalities />
    </>
  );
}

function Organizations() {
  const intl = useIntl();
  const label = useEnumLabel();
  const kinds = useEnumOptions("OrganizationKind");
  const nameID = useId();
  const kindID = useId();
  const [params, setParams] = useSearchParams();
  const name = params.get("q") ?? "";
  const kind = params.get("kind") ?? "";
  const [draft, setDraft] = useState(name);
  const [after, setAfter] = useState<string | undefined>();
  const where = useMemo(() => organizationWhere(name, kind), [name, kind]);
  const [result] = useQuery({ query: DirectoryOrganizationsQuery, variables: { where, after } });
  const organizations = nodes(result.data?.organizations);

  const apply = (q: string, k: string) => {
    setAfter(undefined);
    const next: Record<string, string> = {};
    if (q.trim()) next.q = q.trim();
    if (k) next.kind = k;
    setParams(next, { replace: true });
  };

  return (
    <Section id="directory-organizations-title" title="directory.organizations.title">
      <form
        role="search"
        aria-label={intl.formatMessage({ id: "directory.organizations.searchLabel" })}
        className="row g-3 align-items-end mb-4"
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft, kind);
        }}
      >
        <div className="col-md-5">
          <label htmlFor={nameID} className="form-label fw-semibold">
            <FormattedMessage id="directory.organizations.name" />
          </label>
          <input id={nameID} type="search" className="form-control" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </div>
        <div className="col-md-4">
          <label htmlFor={kindID} className="form-label fw-semibold">
            <FormattedMessage id="directory.organizations.kind" />
          </label>
          <select id={kindID} className="form-select" value={kind} onChange={(e) => apply(draft, e.target.value)}>
            <option value="">{intl.formatMessage({ id: "directory.organizations.allKinds" })}</option>
            {kinds.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="col-md-3 d-flex gap-2">
          <Button type="submit" color="primary">
            <FormattedMessage id="common.search" />
          </Button>
          {(name || kind) && (
            <Button
              type="button"
              color="primary"
              outline
              onClick={() => {
                setDraft("");
                apply("", "");
              }}
            >
              <FormattedMessage id="common.reset" />
            </Button>
          )}
        </div>
      </form>
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data && <Loading />}
      {result.data && (
        <p aria-live="polite">
          <FormattedMessage id="directory.organizations.count" values={{ count: result.data.organizations.totalCount }} />
        </p>
      )}
      <div className="row">
        {organizations.map((o) => {
          const mail = mailHref(o.email);
          const tel = telHref(o.phone);
          const web = websiteHref(o.website);
          return (
            <div key={o.id} className="col-md-6 mb-3">
              <article className="card shadow-sm border h-100">
                <div className="card-body">
                  <h3 className="h5 mb-1">{o.name}</h3>
                  <p className="small mb-2">
                    {label("OrganizationKind", o.kind)}
                    {o.municipality && ` · ${o.municipality.name}`}
                  </p>
                  <dl className="row mb-0 small">
                    <dt className="col-4">
                      <FormattedMessage id="directory.organizations.email" />
                    </dt>
                    <dd className="col-8 text-break">{mail ? <a href={mail}>{o.email}</a> : (o.email || "—")}</dd>
                    <dt className="col-4">
                      <FormattedMessage id="directory.organizations.phone" />
                    </dt>
                    <dd className="col-8">{tel ? <a href={tel}>{o.phone}</a> : (o.phone || "—")}</dd>
                    <dt className="col-4">
                      <FormattedMessage id="directory.organizations.website" />
                    </dt>
                    <dd className="col-8 text-break">
                      {web ? (
                        <a href={web} target="_blank" rel="noreferrer noopener">
                          {o.website}
                          <span className="visually-hidden">
                            {" "}
                            <FormattedMessage id="directory.newWindow" />
                          </span>
                        </a>
                      ) : (
                        (o.website || "—")
                      )}
                    </dd>
                    <dt className="col-4">
                      <FormattedMessage id="directory.organizations.address" />
                    </dt>
                    <dd className="col-8">{o.address || "—"}</dd>
                  </dl>
                </div>
              </article>
            </div>
          );
        })}
      </div>
      <LoadMore pageInfo={result.data?.organizations.pageInfo} fetching={result.fetching} onMore={setAfter} />
    </Section>
  );
}

function Municipalities() {
  const intl = useIntl();
  const fmt = useFormat();
  const [result] = useQuery({ query: DirectoryMunicipalitiesQuery });
  const municipalities = nodes(result.data?.municipalities);
  return (
    <Section id="directory-municipalities-title" title="directory.municipalities.title">
      <ErrorAlert error={result.error} />
      {result.fetching && !result.data && <Loading />}
      {municipalities.length > 0 && (
        <DataTable
          caption={intl.formatMessage({ id: "directory.municipalities.caption" }, { count: result.data?.municipalities.totalCount ?? municipalities.length })}
          columns={["directory.municipalities.name", "directory.municipalities.province", "directory.municipalities.istatCode", { id: "directory.municipalities.population", end: true }, "directory.municipalities.table"]}
        >
          {municipalities.map((m) => {
            const tables = nodes(m.tables);
            return (
              <tr key={m.id}>
                <th scope="row">{m.name}</th>
                <td>{m.province}</td>
                <td>{m.istatCode}</td>
                <td className="text-end">{fmt.number(m.population)}</td>
                <td>
                  {tables.length === 0 ? (
                    <FormattedMessage id="directory.municipalities.noTable" />
                  ) : (
                    tables.map((t, i) => (
                      <span key={t.id}>
                        {i > 0 && ", "}
                        <Link to={`/tables/${t.id}`}>{t.name}</Link>
                      </span>
                    ))
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </Section>
  );
}
