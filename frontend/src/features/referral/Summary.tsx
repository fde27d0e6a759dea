import { Button } from "design-react-kit";
import type { ReactNode } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import type { ReferralForm } from "./schemas";
import { normalizeTaxCode } from "./taxCode";
import type { PersonChoice } from "./wizard";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="row py-2 border-bottom">
      <dt className="col-sm-4">{label}</dt>
      <dd className="col-sm-8 mb-0">{children}</dd>
    </div>
  );
}

/** Step 3: what will be sent, with a way back to each part. */
export function Summary({
  choice,
  referral,
  tableName,
  municipalityName,
  sending,
  onEdit,
  onSend,
  children,
}: {
  choice: PersonChoice;
  referral: ReferralForm;
  tableName: string;
  municipalityName?: string;
  sending: boolean;
  onEdit: (step: "person" | "referral") => void;
  onSend: () => void;
  children?: ReactNode;
}) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const f = useFormat();
  const label = useEnumLabel();
  const day = (d: string) => (d ? f.date(d) : "—");
  return (
    <section aria-labelledby="referral-step-summary">
      <h2 id="referral-step-summary" tabIndex={-1}>
        <FormattedMessage id="referral.summary.title" />
      </h2>
      <p>
        <FormattedMessage id="referral.summary.intro" />
      </p>
      <h3 className="h4">
        <FormattedMessage id="referral.summary.person" />
      </h3>
      <dl className="mb-2">
        {choice.kind === "existing" ? (
          <>
            <Row label={t("referral.summary.personKnown")}>{choice.match.pseudonym}</Row>
            <Row label={t("referral.matches.birthYear")}>{choice.match.birthYear}</Row>
            <Row label={t("referral.summary.identity")}>
              <FormattedMessage id="referral.summary.knownIdentity" />
            </Row>
          </>
        ) : (
          <>
            <Row label={t("referral.summary.personNew")}>
              {choice.person.lastName} {choice.person.firstName}
            </Row>
            <Row label={t("referral.field.taxCode")}>{normalizeTaxCode(choice.person.taxCode) || "—"}</Row>
            <Row label={t("referral.field.birthDate")}>
              {day(choice.person.birthDate)}
              {choice.person.birthPlace && ` — ${choice.person.birthPlace}`}
            </Row>
            <Row label={t("referral.field.gender")}>{label("PersonGender", choice.person.gender)}</Row>
            <Row label={t("referral.field.citizenshipArea")}>{label("PersonCitizenshipArea", choice.person.citizenshipArea)}</Row>
            <Row label={t("referral.field.householdSize")}>{choice.person.householdSize || "—"}</Row>
            <Row label={t("referral.field.municipality")}>{municipalityName ?? "—"}</Row>
            <Row label={t("referral.newPerson.contacts")}>
              {[choice.person.email, choice.person.phone, [choice.person.address, choice.person.postalCode, choice.person.city].filter(Boolean).join(" ")]
                .filter((s) => s.trim())
                .join(" · ") || "—"}
            </Row>
            {choice.matches.length > 0 && (
              <Row label={t("referral.summary.duplicates")}>
                <FormattedMessage id="referral.summary.notADuplicate" values={{ count: choice.matches.length }} />
              </Row>
            )}
          </>
        )}
      </dl>
      <Button color="primary" outline size="sm" className="mb-4" onClick={() => onEdit("person")}>
        <FormattedMessage id="referral.summary.editPerson" />
      </Button>
      <h3 className="h4">
        <FormattedMessage id="referral.summary.referral" />
      </h3>
      <dl className="mb-2">
        <Row label={t("referral.field.table")}>{tableName}</Row>
        <Row label={t("referral.field.reason")}>
          <span style={{ whiteSpace: "pre-wrap" }}>{referral.reason.trim()}</span>
        </Row>
        <Row label={t("referral.field.needAreas")}>{referral.needAreas.map((a) => label("NeedArea", a)).join(", ")}</Row>
        <Row label={t("referral.field.priority")}>{label("CasePriority", referral.priority)}</Row>
        <Row label={t("referral.field.channel")}>{label("ReferralChannel", referral.channel)}</Row>
        <Row label={t("referral.field.referredOn")}>{day(referral.referredOn)}</Row>
        <Row label={t("referral.summary.consent")}>
          {referral.consentGiven ? <FormattedMessage id="referral.summary.consentOn" values={{ date: day(referral.consentOn) }} /> : <FormattedMessage id="referral.summary.noConsent" />}
        </Row>
      </dl>
      <Button color="primary" outline size="sm" className="mb-4" onClick={() => onEdit("referral")}>
        <FormattedMessage id="referral.summary.editReferral" />
      </Button>
      {children}
      <div className="d-flex gap-2">
        <Button color="secondary" outline type="button" onClick={() => onEdit("referral")}>
          <FormattedMessage id="referral.back" />
        </Button>
        <Button color="primary" type="button" disabled={sending} onClick={onSend}>
          <FormattedMessage id="referral.summary.send" />
        </Button>
      </div>
    </section>
  );
}
