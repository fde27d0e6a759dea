import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "design-react-kit";
import { useEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useNavigate } from "react-router";
import { useMutation, useQuery } from "urql";
import { apiErrors, findError } from "../../api/errors";
import { today } from "../../i18n/format";
import { useSession, worksCases } from "../../session/session";
import { nodes } from "../../ui/connection";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { applyServerErrors } from "../../ui/fields";
import { usePageTitle } from "../../ui/usePageTitle";
import { useUnsavedChanges } from "../../ui/useUnsavedChanges";
import { PersonStep, type Searched } from "./PersonStep";
import { ReferralMunicipalitiesQuery, ReferralReferCaseMutation } from "./queries";
import { ReferralStep, useTableOptions } from "./ReferralStep";
import { emptyNewPerson, newPersonSchema, referralSchema, searchSchema, type NewPersonForm, type ReferralForm, type SearchForm } from "./schemas";
import { Summary } from "./Summary";
import { personServerFields, referInput, referralServerFields, stepOfField, steps, type PersonChoice, type Step } from "./wizard";

/** The steps, the current one marked for assistive technologies. */
export function Stepper({ current }: { current: Step }) {
  const intl = useIntl();
  const index = steps.indexOf(current);
  return (
    <ol className="referral-stepper list-unstyled d-flex flex-wrap gap-4 border-bottom pb-3 mb-4" aria-label={intl.formatMessage({ id: "referral.steps.label" })}>
      {steps.map((s, i) => {
        const state = i < index ? "done" : i === index ? "current" : "todo";
        return (
          <li key={s} aria-current={state === "current" ? "step" : undefined} className={`d-flex align-items-center gap-2${state === "current" ? " fw-bold" : ""}`}>
            <span
              className={`rounded-circle d-inline-flex align-items-center justify-content-center border border-primary ${state === "todo" ? "text-primary bg-white" : "bg-primary text-white"}`}
              style={{ width: "2rem", height: "2rem" }}
              aria-hidden="true"
            >
              {state === "done" ? "✓" : i + 1}
            </span>
            <span>
              <FormattedMessage id={`referral.steps.${s}`} />
              <span className="visually-hidden">
                {" "}
                <FormattedMessage id={`referral.steps.state.${state}`} values={{ n: i + 1, total: steps.length }} />
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** /refer: a person referred to a table, in three steps. */
export function ReferralWizard() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "referral.title" }));
  const session = useSession();
  const navigate = useNavigate();
  const day = useMemo(() => today(), []);
  const [step, setStep] = useState<Step>("person");
  const [searched, setSearched] = useState<Searched | null>(null);
  const [creating, setCreating] = useState(false);
  const [choice, setChoice] = useState<PersonChoice | null>(null);
  const [referral, setReferral] = useState<ReferralForm | null>(null);
  const [openCase, setOpenCase] = useState<{ id: string; code: string } | null>(null);
  const [duplicateRefused, setDuplicateRefused] = useState(false);
  const [unmapped, setUnmapped] = useState(false);

  const searchForm = useForm<SearchForm>({ resolver: zodResolver(searchSchema(day)), defaultValues: { taxCode: "", lastName: "", firstName: "", birthDate: "" } });
  const personForm = useForm<NewPersonForm>({ resolver: zodResolver(newPersonSchema(day)), defaultValues: emptyNewPerson });
  const referralForm = useForm<ReferralForm>({
    resolver: zodResolver(referralSchema(day)),
    defaultValues: {
      tableID: session.tableIDs.length === 1 ? session.tableIDs[0] : "",
      reason: "",
      needAreas: [],
      priority: "MEDIUM",
      channel: "",
      referredOn: day,
      consentGiven: false,
      consentOn: day,
    },
  });
  // Leaving the wizard (a link, Back, a reload) asks while anything was
  // typed or chosen, until the referral is sent.
  const unsaved = useUnsavedChanges(searchForm.formState.isDirty || personForm.formState.isDirty || referralForm.formState.isDirty || choice !== null);
  const tables = useTableOptions();
  const [municipalities] = useQuery({ query: ReferralMunicipalitiesQuery });
  const [sent, send] = useMutation(ReferralReferCaseMutation);

  // Moves the focus to the new step's heading, so that it is announced.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById(`referral-step-${step}`)?.focus();
  }, [step]);

  const go = (s: Step) => {
    setOpenCase(null);
    setDuplicateRefused(false);
    setUnmapped(false);
    setStep(s);
  };

  if (!worksCases(session)) {
    return (
      <>
        <h1>
          <FormattedMessage id="referral.title" />
        </h1>
        <Alert fade={false} color="info">
          <FormattedMessage id="referral.notAllowed" />
        </Alert>
      </>
    );
  }

  const onSend = async () => {
    if (!choice || !referral) {
      return;
    }
    setOpenCase(null);
    setDuplicateRefused(false);
    setUnmapped(false);
    const result = await send({ input: referInput(choice, referral) });
    const created = result.data?.referCase;
    if (created) {
      unsaved.saved();
      navigate(`/cases/${created.id}`, { state: { referred: created.code } });
      return;
    }
    const conflict = findError(result.error, "CONFLICT");
    if (conflict && typeof conflict.extensions.caseId === "string") {
      setOpenCase({ id: conflict.extensions.caseId, code: String(conflict.extensions.caseCode ?? "") });
      return;
    }
    if (conflict && Array.isArray(conflict.extensions.personIds)) {
      setDuplicateRefused(true);
      return;
    }
    const errors = apiErrors(result.error);
    const target = errors.map((e) => stepOfField(e.field)).find((s) => s !== null);
    applyServerErrors(personForm, result.error, personServerFields);
    applyServerErrors(referralForm, result.error, referralServerFields);
    // Errors on a field are shown next to it, on its step; the rest here.
    const mapped = errors.filter((e) => e.code === "BAD_USER_INPUT" && stepOfField(e.field) !== null).length;
    if (!target || mapped < errors.length) {
      setUnmapped(true);
      return;
    }
    if (target === "person" && choice.kind === "new") {
      setCreating(true);
    }
    setStep(target);
  };

  const tableName = tables.options.find((t) => t.value === referral?.tableID)?.label ?? "—";
  const municipalityName =
    choice?.kind === "new" ? nodes(municipalities.data?.municipalities).find((m) => m.id === choice.person.municipalityID)?.name : undefined;

  return (
    <>
      <h1>
        <FormattedMessage id="referral.title" />
      </h1>
      <Stepper current={step} />
      {step === "person" && (
        <PersonStep
          searchForm={searchForm}
          personForm={personForm}
          searched={searched}
          setSearched={setSearched}
          creating={creating}
          setCreating={setCreating}
          chosen={choice}
          onChoose={(c) => {
            setChoice(c);
            go("referral");
          }}
        />
      )}
      {step === "referral" && (
        <ReferralStep
          form={referralForm}
          onBack={() => go("person")}
          onNext={() => {
            setReferral(referralForm.getValues());
            go("summary");
          }}
        />
      )}
      {step === "summary" && choice && referral && (
        <Summary choice={choice} referral={referral} tableName={tableName} municipalityName={municipalityName} sending={sent.fetching} onEdit={go} onSend={onSend}>
          {openCase && (
            <Alert fade={false} color="danger" role="alert">
              <FormattedMessage id="referral.send.openCase" values={{ code: openCase.code }} />{" "}
              <Link to={`/cases/${openCase.id}`}>
                <FormattedMessage id="referral.matches.goToCase" values={{ code: openCase.code }} />
              </Link>
            </Alert>
          )}
          {duplicateRefused && (
            <Alert fade={false} color="danger" role="alert">
              <FormattedMessage id="referral.send.duplicate" />
            </Alert>
          )}
          {unmapped && <ErrorAlert error={sent.error} />}
        </Summary>
      )}
      {unsaved.prompt}
    </>
  );
}
