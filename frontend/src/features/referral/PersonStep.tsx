import { Alert, Button } from "design-react-kit";
import { useState, type FormEvent } from "react";
import type { UseFormReturn } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { createRequest, useClient, useQuery, type CombinedError } from "urql";
import { filter, pipe, take, toPromise } from "wonka";
import { nodes } from "../../ui/connection";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { SelectField, TextField } from "../../ui/fields";
import { useEnumOptions } from "../../ui/enums";
import { MatchList } from "./MatchList";
import { ReferralFindMatchesQuery, ReferralMunicipalitiesQuery } from "./queries";
import type { NewPersonForm, SearchForm } from "./schemas";
import { canCreateNew, needsConfirmation, sameSearch, searchVars, unseenMatches, type Match, type PersonChoice, type SearchVars } from "./wizard";

/** Tax codes are written in capitals: typed ones become so at once. */
function upperCase(e: FormEvent<HTMLInputElement>) {
  const input = e.currentTarget;
  const upper = input.value.toUpperCase();
  if (upper !== input.value) {
    const caret = input.selectionStart;
    input.value = upper;
    input.setSelectionRange(caret, caret);
  }
}

/** A search done: what was asked and who matched. */
export interface Searched {
  vars: SearchVars;
  matches: Match[];
}

/** Asks findPersonMatches, always from the server (every search is audited there). */
function useFindMatches() {
  const client = useClient();
  return async (vars: SearchVars): Promise<{ matches?: Match[]; error?: CombinedError }> => {
    const request = createRequest(ReferralFindMatchesQuery, vars);
    const result = await pipe(
      client.executeQuery(request, { requestPolicy: "network-only" }),
      filter((r) => !r.stale),
      take(1),
      toPromise,
    );
    if (result.error || !result.data) {
      return { error: result.error };
    }
    return { matches: result.data.findPersonMatches };
  };
}

interface Props {
  searchForm: UseFormReturn<SearchForm>;
  personForm: UseFormReturn<NewPersonForm>;
  searched: Searched | null;
  setSearched: (s: Searched | null) => void;
  creating: boolean;
  setCreating: (c: boolean) => void;
  /** The person chosen before, when the user came back to this step. */
  chosen: PersonChoice | null;
  onChoose: (choice: PersonChoice) => void;
}

/** Step 1: who is referred, a person WIN knows or a new one. */
export function PersonStep({ searchForm, personForm, searched, setSearched, creating, setCreating, chosen, onChoose }: Props) {
  const intl = useIntl();
  const find = useFindMatches();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();
  const [recheckFound, setRecheckFound] = useState(false);
  const t = (id: string) => intl.formatMessage({ id });

  const onSearch = searchForm.handleSubmit(async (v) => {
    setBusy(true);
    setError(undefined);
    setRecheckFound(false);
    const vars = searchVars(v);
    const r = await find(vars);
    setBusy(false);
    if (r.error || !r.matches) {
      setError(r.error);
      return;
    }
    setSearched({ vars, matches: r.matches });
    setCreating(false);
  });

  const startNew = () => {
    const s = searchForm.getValues();
    const p = personForm.getValues();
    personForm.reset({
      ...p,
      lastName: p.lastName || s.lastName.trim(),
      firstName: p.firstName || s.firstName.trim(),
      birthDate: p.birthDate || s.birthDate,
      taxCode: p.taxCode || s.taxCode.trim().toUpperCase(),
      confirmDifferent: false,
    });
    setCreating(true);
  };

  const onNext = personForm.handleSubmit(async (p) => {
    if (!searched) {
      return;
    }
    // The new person's own data may find someone the first search did not.
    let matches = searched.matches;
    const vars = searchVars(p);
    if (!sameSearch(vars, searched.vars)) {
      setBusy(true);
      setError(undefined);
      const r = await find(vars);
      setBusy(false);
      if (r.error || !r.matches) {
        setError(r.error);
        return;
      }
      const unseen = unseenMatches(matches, r.matches);
      matches = r.matches;
      setSearched({ vars, matches });
      if (unseen.length > 0 || !canCreateNew(matches)) {
        setRecheckFound(true);
        personForm.setValue("confirmDifferent", false);
        return;
      }
    }
    if (needsConfirmation(matches) && !p.confirmDifferent) {
      personForm.setError("confirmDifferent", { type: "required", message: "referral.error.confirmDifferent" });
      return;
    }
    setRecheckFound(false);
    onChoose({ kind: "new", person: p, matches });
  });

  return (
    <section aria-labelledby="referral-step-person">
      <h2 id="referral-step-person" tabIndex={-1}>
        <FormattedMessage id="referral.person.title" />
      </h2>
      <p>
        <FormattedMessage id="referral.person.intro" />
      </p>
      {/* Back here after linking a known person: the choice stands until another is made. (A new person's data stay in their form below.) */}
      {chosen?.kind === "existing" && (
        <Alert fade={false} color="info" data-testid="chosen-person">
          <p>
            <FormattedMessage id="referral.person.chosen" values={{ pseudonym: chosen.match.pseudonym, year: chosen.match.birthYear }} />
          </p>
          <Button color="primary" type="button" onClick={() => onChoose(chosen)}>
            <FormattedMessage id="referral.person.continueChosen" />
          </Button>
        </Alert>
      )}
      <form onSubmit={onSearch} noValidate className="mb-4">
        <div className="row">
          <div className="col-md-6">
            <TextField
              form={searchForm}
              name="taxCode"
              label={t("referral.field.taxCode")}
              hint={t("referral.field.taxCodeHint")}
              autoComplete="off"
              maxLength={20}
              onInput={upperCase}
            />
          </div>
        </div>
        <p className="fw-semibold">
          <FormattedMessage id="referral.person.orNames" />
        </p>
        <div className="row">
          <div className="col-md-4">
            <TextField form={searchForm} name="lastName" label={t("referral.field.lastName")} autoComplete="off" />
          </div>
          <div className="col-md-4">
            <TextField form={searchForm} name="firstName" label={t("referral.field.firstName")} autoComplete="off" />
          </div>
          <div className="col-md-4">
            <TextField form={searchForm} name="birthDate" type="date" label={t("referral.field.birthDate")} />
          </div>
        </div>
        <Button color="primary" type="submit" disabled={busy}>
          <FormattedMessage id="referral.person.search" />
        </Button>
      </form>
      <div aria-live="polite">
        {busy && (
          <p role="status">
            <FormattedMessage id="referral.person.searching" />
          </p>
        )}
      </div>
      <ErrorAlert error={error} />
      {searched && (
        <MatchList
          matches={searched.matches}
          creating={creating}
          chosenID={chosen?.kind === "existing" ? chosen.match.personID : undefined}
          onCreate={startNew}
          onLink={(match) => onChoose({ kind: "existing", match, identifiers: searched.vars })}
        />
      )}
      {searched && creating && canCreateNew(searched.matches) && (
        <NewPersonFields form={personForm} matches={searched.matches} recheckFound={recheckFound} busy={busy} onNext={onNext} onCancel={() => setCreating(false)} />
      )}
    </section>
  );
}

function NewPersonFields({
  form,
  matches,
  recheckFound,
  busy,
  onNext,
  onCancel,
}: {
  form: UseFormReturn<NewPersonForm>;
  matches: Match[];
  recheckFound: boolean;
  busy: boolean;
  onNext: () => void;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const genders = useEnumOptions("PersonGender");
  const areas = useEnumOptions("PersonCitizenshipArea");
  const [municipalities] = useQuery({ query: ReferralMunicipalitiesQuery });
  const municipalityOptions = nodes(municipalities.data?.municipalities).map((m) => ({ value: m.id, label: m.name }));
  const confirmError = form.formState.errors.confirmDifferent?.message;
  const choose = t("referral.field.choose");
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onNext();
      }}
      noValidate
      aria-labelledby="referral-new-person"
    >
      <h3 id="referral-new-person" className="h4">
        <FormattedMessage id="referral.newPerson.title" />
      </h3>
      {recheckFound && (
        <Alert fade={false} color="warning">
          <FormattedMessage id="referral.newPerson.recheckFound" />
        </Alert>
      )}
      <p>
        <FormattedMessage id="referral.newPerson.intro" />
      </p>
      <div className="row">
        <div className="col-md-6">
          <TextField form={form} name="lastName" label={t("referral.field.lastName")} autoComplete="off" />
        </div>
        <div className="col-md-6">
          <TextField form={form} name="firstName" label={t("referral.field.firstName")} autoComplete="off" />
        </div>
        <div className="col-md-6">
          <TextField form={form} name="taxCode" label={t("referral.field.taxCode")} hint={t("referral.field.taxCodeOptional")} autoComplete="off" maxLength={20} onInput={upperCase} />
        </div>
        <div className="col-md-3">
          <TextField form={form} name="birthDate" type="date" label={t("referral.field.birthDate")} />
        </div>
        <div className="col-md-3">
          <TextField form={form} name="birthPlace" label={t("referral.field.birthPlace")} autoComplete="off" />
        </div>
        <div className="col-md-4">
          <SelectField form={form} name="gender" label={t("referral.field.gender")} options={genders} placeholder={choose} />
        </div>
        <div className="col-md-4">
          <SelectField form={form} name="citizenshipArea" label={t("referral.field.citizenshipArea")} options={areas} placeholder={choose} />
        </div>
        <div className="col-md-4">
          <TextField form={form} name="householdSize" type="number" min={1} max={20} inputMode="numeric" label={t("referral.field.householdSize")} hint={t("referral.field.householdSizeHint")} />
        </div>
        <div className="col-md-6">
          <SelectField form={form} name="municipalityID" label={t("referral.field.municipality")} options={municipalityOptions} placeholder={t("referral.field.notKnown")} />
        </div>
      </div>
      <fieldset className="mb-3">
        <legend className="fs-5">
          <FormattedMessage id="referral.newPerson.contacts" />
        </legend>
        <div className="row">
          <div className="col-md-6">
            <TextField form={form} name="email" type="email" label={t("referral.field.email")} autoComplete="off" />
          </div>
          <div className="col-md-6">
            <TextField form={form} name="phone" type="tel" label={t("referral.field.phone")} autoComplete="off" />
          </div>
          <div className="col-md-6">
            <TextField form={form} name="address" label={t("referral.field.address")} autoComplete="off" />
          </div>
          <div className="col-md-2">
            <TextField form={form} name="postalCode" label={t("referral.field.postalCode")} inputMode="numeric" maxLength={5} autoComplete="off" />
          </div>
          <div className="col-md-4">
            <TextField form={form} name="city" label={t("referral.field.city")} autoComplete="off" />
          </div>
        </div>
      </fieldset>
      {needsConfirmation(matches) && (
        <Alert fade={false} color="warning">
          <p className="fw-semibold">
            <FormattedMessage id="referral.newPerson.duplicateTitle" values={{ count: matches.length }} />
          </p>
          <p>
            <FormattedMessage id="referral.newPerson.duplicateHelp" />
          </p>
          <div className="form-check">
            <input
              id="referral-confirm-different"
              type="checkbox"
              className={`form-check-input${confirmError ? " is-invalid" : ""}`}
              aria-invalid={confirmError ? true : undefined}
              aria-describedby={confirmError ? "referral-confirm-different-error" : undefined}
              {...form.register("confirmDifferent")}
            />
            <label className="form-check-label" htmlFor="referral-confirm-different">
              <FormattedMessage id="referral.newPerson.confirmDifferent" />
            </label>
          </div>
          {confirmError && (
            <div id="referral-confirm-different-error" className="invalid-feedback d-block" role="alert">
              <FormattedMessage id={confirmError} />
            </div>
          )}
        </Alert>
      )}
      <div className="d-flex gap-2">
        <Button color="primary" type="submit" disabled={busy}>
          <FormattedMessage id="referral.next" />
        </Button>
        <Button color="secondary" outline type="button" onClick={onCancel}>
          <FormattedMessage id="referral.newPerson.cancel" />
        </Button>
      </div>
    </form>
  );
}
