import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, Button, Modal, ModalBody, ModalFooter, ModalHeader } from "design-react-kit";
import { useEffect, useId, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { createRequest, useClient, useMutation, type AnyVariables, type CombinedError, type TypedDocumentNode } from "urql";
import { filter, pipe, take, toPromise } from "wonka";
import { z } from "zod";
import type { MergeCandidatesQuery as CandidatesData, MergeFindMatchesQuery as MatchesData } from "../../../gql/graphql";
import { useFormat } from "../../../i18n/format";
import { useEnumLabel } from "../../../i18n/useEnumLabel";
import { useMaybeSession } from "../../../session/session";
import { DataTable } from "../../../ui/DataTable";
import { TextField } from "../../../ui/fields";
import { Notice } from "../../../ui/Notice";
import {
  defaultChoices,
  differingFields,
  mergeFields,
  mergeInput,
  mergeProblems,
  mergeSearchVars,
  otherMatches,
  resultingIdentity,
  searchFrom,
  sideOf,
  type MergeChoices,
  type MergeField,
  type MergeIdentity,
  type MergeSearch,
  type Which,
} from "./model";
import { MergeCandidatesQuery, MergeFindMatchesQuery, MergePersonsMutation } from "./queries";

// The coordinator's merge of two records of one person, from the case
// page (docs/domain.md#merging-duplicate-persons): find the other record,
// compare both identities and choose field by field, confirm.

/** A record of the merge as the dialog shows it. */
export interface MergeRecord {
  id: string;
  pseudonym: string;
  identity: MergeIdentity;
  /** How many cases and consent records move with it when it is the one merged. */
  cases: number;
  consents: number;
}

type Match = MatchesData["findPersonMatches"][number];

/** A record found: the match, and the record as the coordinator reads it (null where they do not read its identity). */
interface Candidate {
  match: Match;
  record: MergeRecord | null;
}

/**
 * "Unisci con un'altra anagrafica", for a coordinator of the case's table
 * who reads the identity: the button, the dialog, and the notice once
 * merged (the page reads the case again).
 */
export function MergePersonAction({ self, tableID, onMerged }: { self: MergeRecord | null; tableID: string; onMerged: () => void }) {
  const session = useMaybeSession();
  const [open, setOpen] = useState(false);
  const [kept, setKept] = useState<string>();
  if (!self || !session?.coordinatedTableIDs.includes(tableID)) {
    return null;
  }
  return (
    <>
      {kept && (
        <Notice>
          <FormattedMessage id="cases.merge.done" values={{ pseudonym: kept }} />
        </Notice>
      )}
      <Button
        type="button"
        color="primary"
        outline
        size="sm"
        className="mb-3"
        onClick={() => {
          setKept(undefined);
          setOpen(true);
        }}
      >
        <FormattedMessage id="cases.merge.open" />
      </Button>
      {open && (
        <MergeDialog
          self={self}
          onCancel={() => setOpen(false)}
          onMerged={(pseudonym) => {
            setOpen(false);
            setKept(pseudonym);
            onMerged();
          }}
        />
      )}
    </>
  );
}

/** One query's first answer from the server: searches are audited there, and a record may have changed since. */
function useFetch() {
  const client = useClient();
  return async <D, V extends AnyVariables>(query: TypedDocumentNode<D, V>, variables: V) => {
    const result = await pipe(
      client.executeQuery(createRequest(query, variables), { requestPolicy: "network-only" }),
      filter((r) => !r.stale),
      take(1),
      toPromise,
    );
    return { data: result.data, error: result.error };
  };
}

function recordOf(node: CandidatesData["nodes"][number]): MergeRecord | null {
  if (node?.__typename !== "Person" || !node.identity) {
    return null;
  }
  return { id: node.id, pseudonym: node.pseudonym, identity: node.identity, cases: node.cases.totalCount, consents: node.consents?.length ?? 0 };
}

const searchSchema = z
  .object({ lastName: z.string(), firstName: z.string(), birthDate: z.string(), taxCode: z.string() })
  .superRefine((v, ctx) => {
    if (!mergeSearchVars(v)) {
      ctx.addIssue({ code: "custom", path: ["taxCode"], message: "cases.merge.search.tooLittle" });
    }
  });

/** The dialog: step 1 finds the other record, step 2 compares and confirms. */
export function MergeDialog({ self, onCancel, onMerged }: { self: MergeRecord; onCancel: () => void; onMerged: (keptPseudonym: string) => void }) {
  const id = useId();
  const intl = useIntl();
  const t = (key: string, values?: Record<string, string | number>) => intl.formatMessage({ id: key }, values);
  const read = useFetch();
  const form = useForm<MergeSearch>({ resolver: zodResolver(searchSchema), defaultValues: searchFrom(self.identity) });
  const [searching, setSearching] = useState(false);
  const [found, setFound] = useState<Candidate[] | null>(null);
  const [searchError, setSearchError] = useState<CombinedError>();
  const [other, setOther] = useState<MergeRecord | null>(null);
  const [choices, setChoices] = useState<MergeChoices>(defaultChoices);
  const [merging, merge] = useMutation(MergePersonsMutation);
  const [mergeError, setMergeError] = useState<CombinedError>();
  const compareHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (other) {
      compareHeading.current?.focus();
    }
  }, [other]);

  const onSearch = form.handleSubmit(async (v) => {
    const vars = mergeSearchVars(v);
    if (!vars) {
      return;
    }
    setSearching(true);
    setSearchError(undefined);
    const matches = await read(MergeFindMatchesQuery, vars);
    const others = otherMatches(matches.data?.findPersonMatches ?? [], self.id);
    let candidates: Candidate[] = [];
    let error = matches.error;
    if (!error && others.length > 0) {
      const records = await read(MergeCandidatesQuery, { ids: others.map((m) => m.personID) });
      // A record the coordinator may not read comes back null, with its
      // NOT_FOUND: listed as unreadable; only a failure of the whole read is an error.
      error = records.data ? undefined : records.error;
      candidates = others.map((match, i) => ({ match, record: recordOf(records.data?.nodes[i] ?? null) }));
    }
    setSearching(false);
    setSearchError(error);
    setFound(error ? null : candidates);
  });

  const onConfirm = async () => {
    if (!other) {
      return;
    }
    setMergeError(undefined);
    const r = await merge({ input: mergeInput(self.id, other.id, differingFields(self.identity, other.identity), choices) });
    if (r.error || !r.data) {
      setMergeError(r.error);
      return;
    }
    onMerged(r.data.mergePersons.pseudonym);
  };

  return (
    <Modal isOpen toggle={onCancel} labelledBy={`${id}-title`} size="xl" backdrop="static" fade={false}>
      <ModalHeader tag="h2" id={`${id}-title`} className="h4">
        {t("cases.merge.title")}
      </ModalHeader>
      <ModalBody>
        {other ? (
          <section aria-labelledby={`${id}-compare`}>
            <h3 id={`${id}-compare`} ref={compareHeading} tabIndex={-1} className="h5">
              {t("cases.merge.compare.title")}
            </h3>
            <Compare self={self} other={other} choices={choices} onChange={setChoices} />
            <MergeSummary self={self} other={other} survivor={choices.survivor} />
            <Problems error={mergeError} />
          </section>
        ) : (
          <section aria-labelledby={`${id}-find`}>
            <h3 id={`${id}-find`} className="h5">
              {t("cases.merge.find.title")}
            </h3>
            <p>{t("cases.merge.find.intro", { pseudonym: self.pseudonym })}</p>
            <form
              noValidate
              aria-labelledby={`${id}-find`}
              onSubmit={(e) => {
                e.preventDefault();
                void onSearch();
              }}
            >
              <div className="row">
                <div className="col-md-6">
                  <TextField form={form} name="lastName" label={t("cases.merge.find.lastName")} autoComplete="off" />
                </div>
                <div className="col-md-6">
                  <TextField form={form} name="firstName" label={t("cases.merge.find.firstName")} autoComplete="off" />
                </div>
                <div className="col-md-6">
                  <TextField form={form} name="birthDate" type="date" label={t("cases.merge.find.birthDate")} />
                </div>
                <div className="col-md-6">
                  <TextField form={form} name="taxCode" label={t("cases.merge.find.taxCode")} hint={t("cases.merge.find.taxCodeHint")} autoComplete="off" />
                </div>
              </div>
              <Button type="submit" color="primary" disabled={searching}>
                {t("common.search")}
              </Button>
            </form>
            <Problems error={searchError} />
            {found && <Candidates candidates={found} onPick={(r) => setOther(r)} />}
          </section>
        )}
      </ModalBody>
      <ModalFooter>
        <Button type="button" color="secondary" outline onClick={onCancel}>
          <FormattedMessage id="common.cancel" />
        </Button>
        {other && (
          <>
            <Button
              type="button"
              color="primary"
              outline
              onClick={() => {
                setOther(null);
                setChoices(defaultChoices);
                setMergeError(undefined);
              }}
            >
              <FormattedMessage id="common.back" />
            </Button>
            <Button type="button" color="primary" disabled={merging.fetching} onClick={() => void onConfirm()}>
              <FormattedMessage id="cases.merge.confirm" />
            </Button>
          </>
        )}
      </ModalFooter>
    </Modal>
  );
}

/** A refusal in the dialog's words, with the server's for details. */
function Problems({ error }: { error: CombinedError | undefined }) {
  const problems = mergeProblems(error);
  if (problems.length === 0) {
    return null;
  }
  return (
    <Alert color="danger" role="alert" className="mt-3">
      {problems.map((p, i) => (
        <p key={i} className="mb-1">
          <strong>
            <FormattedMessage id={p.message} />
          </strong>
          {p.detail && <span className="d-block small">({p.detail})</span>}
        </p>
      ))}
    </Alert>
  );
}

/** The records found but this one: each with its identity, why it matched, and the choice of it. */
function Candidates({ candidates, onPick }: { candidates: Candidate[]; onPick: (r: MergeRecord) => void }) {
  const intl = useIntl();
  const fmt = useFormat();
  const label = useEnumLabel();
  if (candidates.length === 0) {
    return (
      <Alert color="info" className="mt-3" fade={false}>
        <FormattedMessage id="cases.merge.find.none" />
      </Alert>
    );
  }
  return (
    <div className="mt-3" data-testid="merge-candidates">
      <DataTable
        caption={<FormattedMessage id="cases.merge.find.caption" />}
        columns={["cases.merge.find.col.pseudonym", "cases.merge.find.col.identity", "cases.merge.find.col.reasons", "cases.merge.find.col.openCase", "cases.merge.find.col.action"]}
      >
        {candidates.map(({ match: m, record }) => (
          <tr key={m.personID}>
            <td>{m.pseudonym}</td>
            <td>
              {record ? (
                <>
                  {record.identity.firstName} {record.identity.lastName}
                  <span className="d-block small">
                    {[record.identity.taxCode, fmt.date(record.identity.birthDate), record.identity.birthPlace].filter(Boolean).join(" · ")}
                  </span>
                </>
              ) : (
                <FormattedMessage id="cases.merge.find.identityHidden" />
              )}
            </td>
            <td>{m.reasons.map((r) => label("PersonMatchReason", r)).join("; ")}</td>
            <td>{m.openCaseCode ? `${m.openCaseCode}${m.openCaseTable ? ` — ${m.openCaseTable}` : ""}` : <FormattedMessage id="cases.merge.find.noOpenCase" />}</td>
            <td>
              {record ? (
                <Button type="button" color="primary" size="sm" aria-label={intl.formatMessage({ id: "cases.merge.find.pickNamed" }, { pseudonym: m.pseudonym })} onClick={() => onPick(record)}>
                  <FormattedMessage id="cases.merge.find.pick" />
                </Button>
              ) : (
                <span className="small">
                  <FormattedMessage id="cases.merge.find.cannotPick" />
                </span>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

/** A field's value as shown: a birth date as a date, nothing as a dash. */
function useShow() {
  const fmt = useFormat();
  return (field: MergeField, v: string | null | undefined) => (!v ? "—" : field === "birthDate" ? fmt.date(v) : v);
}

/** Both identities side by side: the record kept, and whose value each differing field takes. */
function Compare({ self, other, choices, onChange }: { self: MergeRecord; other: MergeRecord; choices: MergeChoices; onChange: (c: MergeChoices) => void }) {
  const id = useId();
  const intl = useIntl();
  const t = (key: string, values?: Record<string, string>) => intl.formatMessage({ id: key }, values);
  const show = useShow();
  const differing = differingFields(self.identity, other.identity);
  const result = resultingIdentity(self.identity, other.identity, choices);
  const records: Record<Which, MergeRecord> = { this: self, other };
  return (
    <>
      <fieldset className="mb-3">
        <legend className="form-label fw-semibold fs-6">{t("cases.merge.survivor.legend")}</legend>
        <p className="small mb-2" id={`${id}-survivor-hint`}>
          {t("cases.merge.survivor.hint")}
        </p>
        {(["this", "other"] as const).map((w) => (
          <div className="form-check" key={w}>
            <input
              className="form-check-input"
              type="radio"
              id={`${id}-survivor-${w}`}
              name={`${id}-survivor`}
              checked={choices.survivor === w}
              aria-describedby={`${id}-survivor-hint`}
              onChange={() => onChange({ ...choices, survivor: w })}
            />
            <label className="form-check-label" htmlFor={`${id}-survivor-${w}`}>
              {t(w === "this" ? "cases.merge.survivor.this" : "cases.merge.survivor.other", { pseudonym: records[w].pseudonym })}
            </label>
          </div>
        ))}
      </fieldset>
      <p className="small">{t(differing.length ? "cases.merge.compare.intro" : "cases.merge.compare.allEqual")}</p>
      <DataTable
        caption={t("cases.merge.compare.caption")}
        hideCaption
        className="table table-sm align-middle"
        columns={["cases.merge.compare.col.field", "cases.merge.compare.col.this", "cases.merge.compare.col.other", "cases.merge.compare.col.result"]}
      >
        {mergeFields.map((f) => {
          const fieldName = t(`cases.merge.field.${f}`);
          const equal = !differing.includes(f);
          return (
            <tr key={f} data-testid={`merge-field-${f}`}>
              <th scope="row">{fieldName}</th>
              {(["this", "other"] as const).map((w) =>
                equal ? (
                  <td key={w}>{show(f, records[w].identity[f])}</td>
                ) : (
                  <td key={w}>
                    <div className="form-check">
                      <input
                        className="form-check-input"
                        type="radio"
                        id={`${id}-${f}-${w}`}
                        name={`${id}-${f}`}
                        checked={sideOf(choices, f) === w}
                        onChange={() => onChange({ ...choices, picked: { ...choices.picked, [f]: w } })}
                      />
                      <label className="form-check-label" htmlFor={`${id}-${f}-${w}`}>
                        <span className="visually-hidden">{t(w === "this" ? "cases.merge.compare.takeThis" : "cases.merge.compare.takeOther", { field: fieldName, pseudonym: records[w].pseudonym })}{" "}</span>
                        {show(f, records[w].identity[f])}
                      </label>
                    </div>
                  </td>
                ),
              )}
              <td>
                {show(f, result[f])}
                {equal && (
                  <span className="d-block small text-muted">
                    <FormattedMessage id="cases.merge.compare.equal" />
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </>
  );
}

/** What the merge does, said before it is confirmed. */
function MergeSummary({ self, other, survivor }: { self: MergeRecord; other: MergeRecord; survivor: Which }) {
  const kept = survivor === "this" ? self : other;
  const merged = survivor === "this" ? other : self;
  return (
    // Not design-react-kit's Alert, which is always role="alert": this is said before, not news.
    <div className="alert alert-info mt-3" data-testid="merge-summary">
      <p className="fw-semibold mb-1">
        <FormattedMessage id="cases.merge.summary.title" />
      </p>
      <ul className="mb-0">
        <li>
          <FormattedMessage id="cases.merge.summary.moves" values={{ merged: merged.pseudonym, kept: kept.pseudonym, cases: merged.cases, consents: merged.consents }} />
        </li>
        <li>
          <FormattedMessage id="cases.merge.summary.identity" values={{ merged: merged.pseudonym, kept: kept.pseudonym }} />
        </li>
        <li>
          <FormattedMessage id="cases.merge.summary.undo" />
        </li>
      </ul>
    </div>
  );
}
