import { Alert, Button, Table } from "design-react-kit";
import { useId, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useSearchParams } from "react-router";
import { createRequest, useClient, useMutation, useQuery, type CombinedError } from "urql";
import { filter, pipe, take, toPromise } from "wonka";
import { graphql } from "../../gql";
import { useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { useSession } from "../../session/session";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Loading } from "../../ui/Loading";
import { Notice } from "../../ui/Notice";
import { TableScroll } from "../../ui/TableScroll";
import { usePageTitle } from "../../ui/usePageTitle";
import { saveBlob } from "../import/upload";
import { servesDataRights } from "./access";
import { confirmsErasure, exportFileName, lookUpFromParams, newestFirst, reportPage, type LookUp } from "./model";

// The privacy desk (docs/domain.md#the-privacy-desk): an administrator
// or the data-protection officer finds the person a request is about,
// and exports their data, reads who accessed it, or erases their
// identity; and sees the retention rule. Every call is audited by the
// server; the desk shows no identity — the export carries it.

const FindDataSubjectsQuery = graphql(`
  query PrivacyFindDataSubjects($taxCode: String, $caseCode: String) {
    findDataSubjects(taxCode: $taxCode, caseCode: $caseCode) {
      personID
      pseudonym
      identityHeld
      cases {
        code
        status
        table
        referredOn
        closedOn
      }
    }
  }
`);

const RetentionStatusQuery = graphql(`
  query PrivacyRetentionStatus {
    retentionStatus {
      years
      lastRunAt
      lastRunErased
      lastErasedAt
    }
  }
`);

const PersonDataExportQuery = graphql(`
  query PrivacyPersonDataExport($personID: ID!) {
    personDataExport(personID: $personID)
  }
`);

const IdentityAccessReportQuery = graphql(`
  query PrivacyAccessReport($personID: ID!) {
    identityAccessReport(personID: $personID) {
      id
      occurredAt
      action
      entityType
      changes
      actor {
        id
        name
        email
      }
      organization {
        id
        name
      }
    }
  }
`);

const ErasePersonIdentityMutation = graphql(`
  mutation PrivacyErasePersonIdentity($personID: ID!) {
    erasePersonIdentity(personID: $personID) {
      id
      pseudonym
    }
  }
`);

type Subject = {
  personID: string;
  pseudonym: string;
  identityHeld: boolean;
  cases: { code: string; status: string; table: string; referredOn: string; closedOn?: string | null }[];
};

/** /privacy: the privacy desk, for administrators and the data-protection officer. */
export function PrivacyDesk() {
  const intl = useIntl();
  const session = useSession();
  usePageTitle(intl.formatMessage({ id: "privacy.title" }));
  const [params, setParams] = useSearchParams();
  const lookUp = lookUpFromParams(params);
  return (
    <>
      <h1>
        <FormattedMessage id="privacy.title" />
      </h1>
      {!servesDataRights(session) ? (
        <Alert color="warning" role="alert">
          <FormattedMessage id="privacy.notAllowed" />
        </Alert>
      ) : (
        <>
          <p>
            <FormattedMessage id="privacy.intro" />
          </p>
          <FindForm key={lookUp ? `${lookUp.by}-${lookUp.value}` : "none"} lookUp={lookUp} onFind={(l) => setParams({ [l.by]: l.value })} />
          {lookUp && <Subjects lookUp={lookUp} />}
          <RetentionPanel />
        </>
      )}
    </>
  );
}

function FindForm({ lookUp, onFind }: { lookUp: LookUp | null; onFind: (l: LookUp) => void }) {
  const intl = useIntl();
  const id = useId();
  const [by, setBy] = useState<LookUp["by"]>(lookUp?.by ?? "taxCode");
  const [value, setValue] = useState(lookUp?.value ?? "");
  const [missing, setMissing] = useState(false);
  return (
    <section aria-labelledby={`${id}-title`} className="mb-4">
      <h2 id={`${id}-title`} className="h4">
        <FormattedMessage id="privacy.find.title" />
      </h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim() === "") {
            setMissing(true);
            return;
          }
          onFind({ by, value: value.trim() });
        }}
      >
        <fieldset className="mb-2">
          <legend className="form-label fw-semibold fs-6">
            <FormattedMessage id="privacy.find.by" />
          </legend>
          {(["taxCode", "caseCode"] as const).map((b) => (
            <div className="form-check form-check-inline" key={b}>
              <input id={`${id}-${b}`} type="radio" name={`${id}-by`} className="form-check-input" checked={by === b} onChange={() => setBy(b)} />
              <label htmlFor={`${id}-${b}`} className="form-check-label">
                <FormattedMessage id={b === "taxCode" ? "privacy.find.byTaxCode" : "privacy.find.byCaseCode"} />
              </label>
            </div>
          ))}
        </fieldset>
        <div className="row g-2 align-items-end">
          <div className="col-md-6">
            <label htmlFor={`${id}-value`} className="form-label fw-semibold">
              <FormattedMessage id={by === "taxCode" ? "privacy.find.taxCode" : "privacy.find.caseCode"} />
            </label>
            <input
              id={`${id}-value`}
              type="text"
              className={`form-control${missing ? " is-invalid" : ""}`}
              autoComplete="off"
              spellCheck={false}
              placeholder={intl.formatMessage({ id: by === "taxCode" ? "privacy.find.taxCodeExample" : "privacy.find.caseCodeExample" })}
              aria-invalid={missing || undefined}
              aria-describedby={missing ? `${id}-missing` : undefined}
              value={value}
              onChange={(e) => {
                setValue(e.target.value);
                setMissing(false);
              }}
            />
            {missing && (
              <div id={`${id}-missing`} className="invalid-feedback d-block">
                <FormattedMessage id={by === "taxCode" ? "privacy.find.taxCodeMissing" : "privacy.find.caseCodeMissing"} />
              </div>
            )}
          </div>
          <div className="col-md-3">
            <Button type="submit" color="primary">
              <FormattedMessage id="privacy.find.submit" />
            </Button>
          </div>
        </div>
      </form>
    </section>
  );
}

function Subjects({ lookUp }: { lookUp: LookUp }) {
  const variables = lookUp.by === "taxCode" ? { taxCode: lookUp.value } : { caseCode: lookUp.value };
  const [{ data, error, fetching }, refetch] = useQuery({ query: FindDataSubjectsQuery, variables, requestPolicy: "network-only" });
  if (error && !data) {
    return <ErrorAlert error={error} />;
  }
  if (!data || fetching) {
    return <Loading />;
  }
  if (data.findDataSubjects.length === 0) {
    return (
      <p role="status">
        <FormattedMessage id={lookUp.by === "taxCode" ? "privacy.find.noneByTaxCode" : "privacy.find.noneByCaseCode"} values={{ value: lookUp.value }} />
      </p>
    );
  }
  return (
    <>
      {data.findDataSubjects.length > 1 && (
        <p>
          <FormattedMessage id="privacy.find.several" values={{ n: data.findDataSubjects.length }} />
        </p>
      )}
      {data.findDataSubjects.map((s) => (
        <SubjectPanel key={s.personID} subject={s} onErased={() => refetch({ requestPolicy: "network-only" })} />
      ))}
    </>
  );
}

function SubjectPanel({ subject, onErased }: { subject: Subject; onErased: () => void }) {
  const id = useId();
  const fmt = useFormat();
  const label = useEnumLabel();
  const [reportShown, setReportShown] = useState(false);
  const [reportKey, setReportKey] = useState(0);
  const [erased, setErased] = useState(false);
  const [exported, setExported] = useState<{ saved?: string; error?: CombinedError }>({});
  return (
    <section aria-labelledby={`${id}-title`} className="card card-bg mb-4">
      <div className="card-body">
        <h2 id={`${id}-title`} className="h4">
          <FormattedMessage id="privacy.subject.title" values={{ pseudonym: subject.pseudonym }} />
        </h2>
        <p>
          {subject.identityHeld ? <FormattedMessage id="privacy.subject.identityHeld" /> : <FormattedMessage id="privacy.subject.identityErased" />}
        </p>
        {erased && (
          <Notice>
            <FormattedMessage id="privacy.erase.done" values={{ pseudonym: subject.pseudonym }} />
          </Notice>
        )}
        <Table responsive responsiveTag={TableScroll} size="sm">
          <caption className="visually-hidden">
            <FormattedMessage id="privacy.subject.casesCaption" values={{ pseudonym: subject.pseudonym }} />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="privacy.subject.col.code" />
              </th>
              <th scope="col">
                <FormattedMessage id="privacy.subject.col.table" />
              </th>
              <th scope="col">
                <FormattedMessage id="privacy.subject.col.status" />
              </th>
              <th scope="col">
                <FormattedMessage id="privacy.subject.col.referredOn" />
              </th>
              <th scope="col">
                <FormattedMessage id="privacy.subject.col.closedOn" />
              </th>
            </tr>
          </thead>
          <tbody>
            {subject.cases.map((c) => (
              <tr key={c.code}>
                <td>
                  <code>{c.code}</code>
                </td>
                <td>{c.table}</td>
                <td>{label("CaseStatus", c.status)}</td>
                <td>{fmt.date(c.referredOn)}</td>
                <td>{fmt.date(c.closedOn)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
        <div className="d-flex flex-wrap gap-2">
          <ExportButton
            subject={subject}
            onExported={(outcome) => {
              setExported(outcome);
              if (outcome.saved) {
                setReportKey((k) => k + 1);
              }
            }}
          />
          <Button type="button" color="primary" outline aria-expanded={reportShown} aria-controls={`${id}-report`} onClick={() => setReportShown((s) => !s)}>
            <FormattedMessage id={reportShown ? "privacy.report.hide" : "privacy.report.show"} />
          </Button>
          <EraseButton
            subject={subject}
            onErased={() => {
              setErased(true);
              setReportKey((k) => k + 1);
              onErased();
            }}
          />
        </div>
        <div className="mt-2" aria-live="polite">
          {exported.saved && (
            <p className="small mb-0">
              <FormattedMessage id="privacy.export.saved" values={{ name: <code>{exported.saved}</code> }} />
            </p>
          )}
          <ErrorAlert error={exported.error} />
        </div>
        <div id={`${id}-report`}>{reportShown && <AccessReport key={reportKey} personID={subject.personID} pseudonym={subject.pseudonym} />}</div>
      </div>
    </section>
  );
}

function ExportButton({ subject, onExported }: { subject: Subject; onExported: (outcome: { saved?: string; error?: CombinedError }) => void }) {
  const intl = useIntl();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    onExported({});
    // From the server every time: each export is audited there.
    const r = await pipe(
      client.executeQuery(createRequest(PersonDataExportQuery, { personID: subject.personID }), { requestPolicy: "network-only" }),
      filter((r) => !r.stale),
      take(1),
      toPromise,
    );
    setBusy(false);
    if (!r.data) {
      onExported({ error: r.error });
      return;
    }
    const name = exportFileName(subject.pseudonym, new Date());
    saveBlob(new Blob([r.data.personDataExport], { type: "application/json" }), name);
    onExported({ saved: name });
  };
  return (
    <Button type="button" color="primary" disabled={busy} onClick={() => void download()}>
      {intl.formatMessage({ id: busy ? "privacy.export.busy" : "privacy.export.button" })}
    </Button>
  );
}

function EraseButton({ subject, onErased }: { subject: Subject; onErased: () => void }) {
  const intl = useIntl();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState("");
  const [state, erase] = useMutation(ErasePersonIdentityMutation);
  const [error, setError] = useState<CombinedError>();
  const confirmed = confirmsErasure(typed, subject.pseudonym);
  const confirm = async () => {
    if (!confirmed) {
      return;
    }
    const r = await erase({ personID: subject.personID });
    setError(r.error);
    if (r.data) {
      setAsking(false);
      onErased();
    }
  };
  if (!subject.identityHeld) {
    return null;
  }
  return (
    <>
      <Button
        type="button"
        color="danger"
        outline
        onClick={() => {
          setTyped("");
          setError(undefined);
          setAsking(true);
        }}
      >
        <FormattedMessage id="privacy.erase.button" />
      </Button>
      <ConfirmDialog
        isOpen={asking}
        title={intl.formatMessage({ id: "privacy.erase.title" }, { pseudonym: subject.pseudonym })}
        confirmLabel={intl.formatMessage({ id: "privacy.erase.confirm" })}
        busy={state.fetching || !confirmed}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      >
        <p className="fw-semibold mb-1">
          <FormattedMessage id="privacy.erase.erasedTitle" />
        </p>
        <ul>
          <li>
            <FormattedMessage id="privacy.erase.erasedIdentity" />
          </li>
          <li>
            <FormattedMessage id="privacy.erase.erasedDocuments" />
          </li>
        </ul>
        <p className="fw-semibold mb-1">
          <FormattedMessage id="privacy.erase.keptTitle" />
        </p>
        <ul>
          <li>
            <FormattedMessage id="privacy.erase.keptRecord" />
          </li>
          <li>
            <FormattedMessage id="privacy.erase.keptCases" />
          </li>
          <li>
            <FormattedMessage id="privacy.erase.keptAudit" />
          </li>
        </ul>
        <p>
          <FormattedMessage id="privacy.erase.irreversible" />
        </p>
        <label htmlFor={`${id}-typed`} className="form-label fw-semibold">
          <FormattedMessage id="privacy.erase.type" values={{ pseudonym: <code>{subject.pseudonym}</code> }} />
        </label>
        <input
          id={`${id}-typed`}
          type="text"
          className="form-control"
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <div className="mt-3">
          <ErrorAlert error={error} />
        </div>
      </ConfirmDialog>
    </>
  );
}

function AccessReport({ personID, pseudonym }: { personID: string; pseudonym: string }) {
  const intl = useIntl();
  const fmt = useFormat();
  const label = useEnumLabel();
  const [shown, setShown] = useState(reportPage);
  const [{ data, error }] = useQuery({ query: IdentityAccessReportQuery, variables: { personID }, requestPolicy: "network-only" });
  if (error && !data) {
    return <ErrorAlert error={error} />;
  }
  if (!data) {
    return <Loading />;
  }
  const all = data.identityAccessReport;
  const events = newestFirst(all, shown);
  return (
    <div className="mt-3">
      <h3 className="h5">
        <FormattedMessage id="privacy.report.title" />
      </h3>
      <p aria-live="polite">
        <FormattedMessage id="privacy.report.count" values={{ shown: events.length, total: all.length }} />
      </p>
      <Table responsive responsiveTag={TableScroll} striped size="sm">
        <caption className="visually-hidden">{intl.formatMessage({ id: "privacy.report.caption" }, { pseudonym })}</caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="privacy.report.col.when" />
            </th>
            <th scope="col">
              <FormattedMessage id="privacy.report.col.who" />
            </th>
            <th scope="col">
              <FormattedMessage id="privacy.report.col.what" />
            </th>
            <th scope="col">
              <FormattedMessage id="privacy.report.col.object" />
            </th>
            <th scope="col">
              <FormattedMessage id="privacy.report.col.details" />
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td className="text-nowrap">{fmt.dateTime(e.occurredAt)}</td>
              <td>
                {e.actor ? e.actor.name : <FormattedMessage id="privacy.report.system" />}
                {e.organization && <div className="small">{e.organization.name}</div>}
              </td>
              <td>{label("AuditAction", e.action)}</td>
              <td>{label("AuditEntityType", e.entityType)}</td>
              <td className="text-break small">{e.changes ? <code>{e.changes}</code> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {events.length < all.length && (
        <Button type="button" color="primary" outline size="sm" onClick={() => setShown((n) => n + reportPage)}>
          <FormattedMessage id="privacy.report.more" />
        </Button>
      )}
    </div>
  );
}

function RetentionPanel() {
  const id = useId();
  const fmt = useFormat();
  const [{ data, error }] = useQuery({ query: RetentionStatusQuery });
  return (
    <section aria-labelledby={`${id}-title`} className="mt-4">
      <h2 id={`${id}-title`} className="h4">
        <FormattedMessage id="privacy.retention.title" />
      </h2>
      <ErrorAlert error={error} />
      {!data ? (
        !error && <Loading />
      ) : (
        <dl className="row">
          <dt className="col-sm-4">
            <FormattedMessage id="privacy.retention.setting" />
          </dt>
          <dd className="col-sm-8">
            {data.retentionStatus.years > 0 ? (
              <FormattedMessage id="privacy.retention.years" values={{ years: data.retentionStatus.years }} />
            ) : (
              <FormattedMessage id="privacy.retention.off" />
            )}
          </dd>
          <dt className="col-sm-4">
            <FormattedMessage id="privacy.retention.lastRun" />
          </dt>
          <dd className="col-sm-8">
            {data.retentionStatus.lastRunAt ? (
              <FormattedMessage
                id="privacy.retention.lastRunValue"
                values={{ when: fmt.dateTime(data.retentionStatus.lastRunAt), n: data.retentionStatus.lastRunErased ?? 0 }}
              />
            ) : (
              <FormattedMessage id="privacy.retention.never" />
            )}
          </dd>
          <dt className="col-sm-4">
            <FormattedMessage id="privacy.retention.lastErased" />
          </dt>
          <dd className="col-sm-8">
            {data.retentionStatus.lastErasedAt ? fmt.dateTime(data.retentionStatus.lastErasedAt) : <FormattedMessage id="privacy.retention.noneErased" />}
          </dd>
        </dl>
      )}
    </section>
  );
}
