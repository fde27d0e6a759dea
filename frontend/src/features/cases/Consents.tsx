import { zodResolver } from "@hookform/resolvers/zod";
import { Button } from "design-react-kit";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation } from "urql";
import { z } from "zod";
import { graphql } from "../../gql";
import type { CaseConsentsFragment, ConsentBasis, ConsentPurpose } from "../../gql/graphql";
import { today, useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { useSession } from "../../session/session";
import { useEnumOptions } from "../../ui/enums";
import { applyServerErrors, SelectField, TextAreaField, TextField } from "../../ui/fields";
import { FormPanel } from "../../ui/FormPanel";
import { Notice } from "../../ui/Notice";
import { Section } from "../../ui/Section";
import { useOrganizationOptions } from "../../ui/organizations";
import { useCaseSteps } from "./actions/steps";
import { useBasisAsk, type BasisAsk } from "./basisAsk";
import { DocumentsToggle } from "../documents/Documents";
import { consentKinds } from "../documents/model";

// The bases of the uses of the person's data, by purpose
// (docs/domain.md#consent-and-legal-basis): listed for whoever reads the
// case; recorded and withdrawn by the members of its table. A step that
// needs one shows blocked with the reason among the case's steps, and is
// recorded here; a step refused for one (a service request sharing
// contact data) opens the form here filled in, and is taken up again
// from here once the basis is recorded (basisAsk.tsx). Each record's
// signed form is a document of it, for those who read the person's
// identity (a consent form identifies the person).

export const CaseConsentsFragmentDoc = graphql(`
  fragment CaseConsents on Person {
    id
    consents {
      id
      purpose
      basis
      legalReference
      formReference
      givenOn
      withdrawnOn
      withdrawalReason
      organization {
        id
        name
      }
      recordedBy {
        id
        name
      }
      withdrawnBy {
        id
        name
      }
    }
  }
`);

const RecordConsentMutation = graphql(`
  mutation CaseRecordConsent($input: RecordConsentInput!) {
    recordConsent(input: $input) {
      id
      purpose
    }
  }
`);

const WithdrawConsentMutation = graphql(`
  mutation CaseWithdrawConsent($id: ID!, $reason: String!, $withdrawnOn: Date) {
    withdrawConsent(id: $id, reason: $reason, withdrawnOn: $withdrawnOn) {
      id
      withdrawnOn
    }
  }
`);

type Consent = NonNullable<CaseConsentsFragment["consents"]>[number];

/** The form's values; the API's rules are the judge, these only guide. */
export const consentSchema = z
  .object({
    purpose: z.string().min(1, "cases.consents.error.purposeRequired"),
    basis: z.string().min(1, "cases.consents.error.basisRequired"),
    organizationID: z.string(),
    legalReference: z.string().trim(),
    formReference: z.string().trim(),
    givenOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "cases.consents.error.dateRequired"),
  })
  .superRefine((v, ctx) => {
    if (v.purpose === "SHARING" && !v.organizationID) {
      ctx.addIssue({ code: "custom", path: ["organizationID"], message: "cases.consents.error.organizationRequired" });
    }
    if (v.basis === "LEGAL_BASIS" && !v.legalReference) {
      ctx.addIssue({ code: "custom", path: ["legalReference"], message: "cases.consents.error.legalReferenceRequired" });
    }
  });
type ConsentValues = z.input<typeof consentSchema>;

/** The person's bases, in force first, and the forms to record and withdraw them. */
export function ConsentsSection({
  person,
  caseID,
  tableID,
  readsIdentity = false,
  onChanged,
}: {
  person: CaseConsentsFragment;
  caseID: string;
  tableID: string;
  /** Whether the viewer reads the person's identity, and so the signed forms. */
  readsIdentity?: boolean;
  /** Reads the case again: a step a basis unblocks, or blocks, changes with it. */
  onChanged: () => void;
}) {
  const session = useSession();
  const member = session.tableIDs.includes(tableID);
  const [adding, setAdding] = useState(false);
  const [done, setDone] = useState<string>();
  const steps = useCaseSteps();
  const asked = useBasisAsk()?.asked ?? null;
  // A new ask opens the form anew, filled in as asked; the user's own
  // opening of it, empty.
  const [seen, setSeen] = useState({ asked, forms: 0 });
  const [prefill, setPrefill] = useState<BasisAsk | null>(null);
  if (asked !== seen.asked) {
    setSeen({ asked, forms: seen.forms + (asked ? 1 : 0) });
    if (asked) {
      setPrefill(asked);
      setAdding(true);
      setDone(undefined);
    }
  }
  const resume = asked?.resume;
  const consents = person.consents ?? [];
  const inForce = consents.filter((k) => !k.withdrawnOn);
  const withdrawn = consents.filter((k) => k.withdrawnOn);
  return (
    <Section id="case-consents-title" title="cases.section.consents">
      <p className="small">
        <FormattedMessage id="cases.consents.intro" />
      </p>
      {done && (
        <Notice>
          <FormattedMessage id={done} />
          {resume && steps && (
            <Button type="button" color="primary" size="sm" className="ms-2" onClick={() => steps.start(resume.action)}>
              <FormattedMessage id="cases.consents.resume" />
            </Button>
          )}
        </Notice>
      )}
      {consents.length === 0 ? (
        <p>
          <FormattedMessage id="cases.consents.none" />
        </p>
      ) : (
        <ul className="list-unstyled" data-testid="person-consents">
          {[...inForce, ...withdrawn].map((k) => (
            <ConsentItem
              key={k.id}
              consent={k}
              member={member}
              readsIdentity={readsIdentity}
              onWithdrawn={() => {
                setDone("cases.consents.withdrawnNow");
                onChanged();
              }}
            />
          ))}
        </ul>
      )}
      {member &&
        (adding ? (
          <RecordConsentForm
            key={seen.forms}
            caseID={caseID}
            ask={prefill}
            onCancel={() => setAdding(false)}
            onDone={() => {
              setAdding(false);
              setDone("cases.consents.recordedNow");
              onChanged();
            }}
          />
        ) : (
          <Button
            color="primary"
            outline
            onClick={() => {
              setPrefill(null);
              setAdding(true);
            }}
          >
            <FormattedMessage id="cases.consents.record" />
          </Button>
        ))}
    </Section>
  );
}

function ConsentItem({ consent: k, member, readsIdentity, onWithdrawn }: { consent: Consent; member: boolean; readsIdentity: boolean; onWithdrawn: () => void }) {
  const fmt = useFormat();
  const intl = useIntl();
  const label = useEnumLabel();
  const [withdrawing, setWithdrawing] = useState(false);
  return (
    <li className="border-bottom py-2">
      <p className="mb-1">
        <strong>{label("ConsentPurpose", k.purpose)}</strong>
        {k.organization && <> — {k.organization.name}</>} · {label("ConsentBasis", k.basis)}
        {k.legalReference && <> ({k.legalReference})</>}
      </p>
      <p className="small mb-1">
        <FormattedMessage
          id="cases.consents.given"
          values={{ date: fmt.date(k.givenOn), by: k.recordedBy.name, form: k.formReference || "—" }}
        />
      </p>
      {k.withdrawnOn ? (
        <p className="small mb-1 fw-semibold">
          <FormattedMessage
            id="cases.consents.withdrawn"
            values={{ date: fmt.date(k.withdrawnOn), by: k.withdrawnBy?.name ?? "—", reason: k.withdrawalReason || "—" }}
          />
        </p>
      ) : (
        member &&
        (withdrawing ? (
          <WithdrawConsentForm
            consent={k}
            onCancel={() => setWithdrawing(false)}
            onDone={() => {
              setWithdrawing(false);
              onWithdrawn();
            }}
          />
        ) : (
          <Button color="primary" outline size="xs" onClick={() => setWithdrawing(true)}>
            <FormattedMessage id="cases.consents.withdraw" values={{ purpose: label("ConsentPurpose", k.purpose) }} />
          </Button>
        ))
      )}
      {readsIdentity && (
        <DocumentsToggle
          ownerID={k.id}
          name={intl.formatMessage({ id: "documents.name.consent" }, { purpose: label("ConsentPurpose", k.purpose) })}
          kinds={consentKinds}
          mayAttach={member}
        />
      )}
    </li>
  );
}

function RecordConsentForm({ caseID, ask, onDone, onCancel }: { caseID: string; ask: BasisAsk | null; onDone: () => void; onCancel: () => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const purposes = useEnumOptions("ConsentPurpose");
  const bases = useEnumOptions("ConsentBasis");
  const organizations = useOrganizationOptions();
  const form = useForm<ConsentValues>({
    resolver: zodResolver(consentSchema),
    defaultValues: { purpose: ask?.purpose ?? "", basis: "", organizationID: ask?.organizationID ?? "", legalReference: "", formReference: "", givenOn: today() },
  });
  useEffect(() => {
    if (ask) {
      // Once the step's dialog has given the focus back: the user goes on
      // from the basis, what is asked being filled in already.
      const timer = setTimeout(() => form.setFocus("basis", { shouldSelect: false }), 0);
      return () => clearTimeout(timer);
    }
  }, [ask, form]);
  const askedOrganization = organizations.find((o) => o.value === ask?.organizationID)?.label;
  const [state, record] = useMutation(RecordConsentMutation);
  const purpose = form.watch("purpose");
  const basis = form.watch("basis");
  const submit = form.handleSubmit(async (v) => {
    const r = await record({
      input: {
        caseID,
        purpose: v.purpose as ConsentPurpose,
        basis: v.basis as ConsentBasis,
        organizationID: v.purpose === "SHARING" ? v.organizationID : null,
        legalReference: v.basis === "LEGAL_BASIS" ? v.legalReference : null,
        formReference: v.formReference || null,
        givenOn: v.givenOn,
      },
    });
    if (r.error) {
      applyServerErrors(form, r.error, {
        purpose: "purpose",
        basis: "basis",
        organizationID: "organizationID",
        legalReference: "legalReference",
        formReference: "formReference",
        givenOn: "givenOn",
      });
      return;
    }
    onDone();
  });
  return (
    <FormPanel
      title={<FormattedMessage id="cases.consents.formTitle" />}
      intro={
        ask?.resume &&
        askedOrganization && (
          <p>
            <FormattedMessage id="cases.consents.askedFor" values={{ organization: askedOrganization }} />
          </p>
        )
      }
      error={state.error}
      submitLabel={<FormattedMessage id="cases.consents.submit" />}
      busy={state.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <SelectField form={form} name="purpose" label={t("cases.consents.purpose")} options={purposes} placeholder={t("caseActions.choose")} />
      {purpose === "SHARING" && (
        <SelectField form={form} name="organizationID" label={t("cases.consents.organization")} options={organizations} placeholder={t("caseActions.choose")} />
      )}
      <SelectField form={form} name="basis" label={t("cases.consents.basis")} options={bases} placeholder={t("caseActions.choose")} />
      {basis === "LEGAL_BASIS" && (
        <TextField form={form} name="legalReference" label={t("cases.consents.legalReference")} hint={t("cases.consents.legalReferenceHint")} />
      )}
      <TextField form={form} name="formReference" label={t("cases.consents.formReference")} hint={t("cases.consents.formReferenceHint")} />
      <TextField form={form} name="givenOn" type="date" label={t("cases.consents.givenOn")} />
    </FormPanel>
  );
}

export const withdrawSchema = z.object({
  reason: z.string().trim().min(1, "cases.consents.error.reasonRequired"),
  withdrawnOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "cases.consents.error.dateRequired"),
});
type WithdrawValues = z.input<typeof withdrawSchema>;

function WithdrawConsentForm({ consent, onDone, onCancel }: { consent: Consent; onDone: () => void; onCancel: () => void }) {
  const intl = useIntl();
  const label = useEnumLabel();
  const form = useForm<WithdrawValues>({ resolver: zodResolver(withdrawSchema), defaultValues: { reason: "", withdrawnOn: today() } });
  const [state, withdraw] = useMutation(WithdrawConsentMutation);
  const submit = form.handleSubmit(async (v) => {
    const r = await withdraw({ id: consent.id, reason: v.reason, withdrawnOn: v.withdrawnOn });
    if (r.error) {
      applyServerErrors(form, r.error, { reason: "reason", withdrawnOn: "withdrawnOn" });
      return;
    }
    onDone();
  });
  return (
    <FormPanel
      title={<FormattedMessage id="cases.consents.withdrawTitle" values={{ purpose: label("ConsentPurpose", consent.purpose) }} />}
      error={state.error}
      submitLabel={<FormattedMessage id="cases.consents.withdrawSubmit" />}
      busy={state.fetching}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextAreaField form={form} name="reason" label={intl.formatMessage({ id: "cases.consents.reason" })} rows={2} />
      <TextField form={form} name="withdrawnOn" type="date" label={intl.formatMessage({ id: "cases.consents.withdrawnOn" })} />
    </FormPanel>
  );
}
