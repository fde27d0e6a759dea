import { Alert } from "design-react-kit";
import { useCallback } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import type { CasePageQuery } from "../../gql/graphql";
import { useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { DataItem } from "../../ui/DataList";
import { nodes } from "../../ui/connection";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { Loading } from "../../ui/Loading";
import { Section } from "../../ui/Section";
import { usePageTitle } from "../../ui/usePageTitle";
import { CaseActions, visibleActions } from "./actions/CaseActions";
import { allowedOf } from "./actions/nextStep";
import { CaseSteps, StepNotice } from "./actions/steps";
import { OverdueBadge, PriorityText, StatusBadge } from "./badges";
import { caseNotFound, missedLimit, pageError } from "./casePage";
import { CaseChangedNotice } from "../notifications/CaseChangedNotice";
import { ApprovalsSection, PendingApprovals } from "./Approvals";
import { BasisAskProvider } from "./basisAsk";
import { CaseDocumentsSection } from "./CaseDocuments";
import { ConsentsSection } from "./Consents";
import { MergePersonAction } from "./merge/MergeDialog";
import { ServiceRequestsSection } from "./ServiceRequests";
import { AssessmentsSection, InterventionsSection, MonitoringSection, OutcomesSection, PlanSection, TeamSection, TimelineSection } from "./sections";

export const CasePageQueryDoc = graphql(`
  query CasePage($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Case {
        code
        status
        priority
        version
        overdue
        actions {
          action
          allowed
          blockedBy
          blockers {
            __typename
            id
            ... on Intervention {
              kind
              description
            }
            ... on Case {
              code
            }
          }
        }
        referredOn
        referralReason
        referralChannel
        needAreas
        takenInChargeOn
        closedOn
        closureReason
        declineReason
        consentGivenAt
        firstMeetingOn
        firstMeetingDueOn
        planDueOn
        transferReason
        transferRequestedAt
        transferTo {
          id
          name
        }
        table {
          id
          name
        }
        referringOrganization {
          id
          name
        }
        referringOperator {
          id
          name
        }
        caseManager {
          id
          name
        }
        previousCase {
          id
          code
        }
        nextCase {
          id
          code
        }
        person {
          id
          pseudonym
          birthYear
          gender
          householdSize
          citizenshipArea
          municipality {
            id
            name
          }
          cases(first: 20, orderBy: [{ field: REFERRED_ON, direction: ASC }]) {
            totalCount
            edges {
              node {
                id
                code
                status
                referredOn
                closedOn
                table {
                  id
                  name
                }
              }
            }
          }
          ...CaseConsents
          identity {
            id
            firstName
            lastName
            taxCode
            birthDate
            birthPlace
            email
            phone
            address
            postalCode
            city
          }
        }
        ...CasePageSections
        ...CaseServiceRequests
        ...CaseApprovals
      }
    }
  }
`);

export type CaseData = Extract<NonNullable<CasePageQuery["node"]>, { __typename: "Case" }>;

/** One case: its state, the person, and its story from referral to outcomes, with the steps the viewer may take. */
export function CasePage() {
  const { id = "" } = useParams();
  const intl = useIntl();
  const [result, reexecute] = useQuery({ query: CasePageQueryDoc, variables: { id }, requestPolicy: "cache-and-network" });
  const node = result.data?.node;
  const c = node?.__typename === "Case" ? node : undefined;
  usePageTitle(c ? intl.formatMessage({ id: "cases.page.title" }, { code: c.code }) : intl.formatMessage({ id: "cases.page.loadingTitle" }));
  const refresh = useCallback(() => reexecute({ requestPolicy: "network-only" }), [reexecute]);

  if (!c) {
    if (caseNotFound(result.data, result.error)) {
      return <CaseNotFound />;
    }
    if (result.fetching || !result.error) {
      return <Loading />;
    }
    return (
      <>
        <h1>
          <FormattedMessage id="cases.page.loadingTitle" />
        </h1>
        <ErrorAlert error={result.error} />
      </>
    );
  }
  return <CaseView c={c} error={pageError(result.error)} onChanged={refresh} />;
}

export function CaseNotFound() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "cases.notFound.title" }));
  return (
    <div data-testid="case-not-found">
      <h1>
        <FormattedMessage id="cases.notFound.title" />
      </h1>
      <p>
        <FormattedMessage id="cases.notFound.text" />
      </p>
      <p>
        <Link to="/cases">
          <FormattedMessage id="cases.notFound.back" />
        </Link>
      </p>
    </div>
  );
}

function CaseView({ c, error, onChanged }: { c: CaseData; error: ReturnType<typeof pageError>; onChanged: () => void }) {
  const fmt = useFormat();
  const label = useEnumLabel();
  const limit = missedLimit(c);
  const showActions = visibleActions(allowedOf(c.actions)).length > 0 || c.actions.some((a) => !a.allowed);
  // The version is the page's, sent with each step for its optimistic check: it means nothing to the user and is not shown.
  return (
    <BasisAskProvider>
      <CaseSteps caseId={c.id} version={c.version} actions={c.actions} onChanged={onChanged}>
        <p className="mb-1">
          <Link to="/cases">
            <FormattedMessage id="cases.page.backToList" />
          </Link>
        </p>
        {/* The person's name in the heading only: the document's title, kept in the browser's history, names the case alone. */}
        <h1>
          <FormattedMessage
            id="cases.page.titleOf"
            values={{ code: c.code, person: c.person.identity ? `${c.person.identity.lastName} ${c.person.identity.firstName}` : c.person.pseudonym }}
          />
        </h1>
        <p className="d-flex flex-wrap align-items-center gap-2">
          <span>
            <FormattedMessage id="cases.field.status" />: <StatusBadge status={c.status} />
          </span>
          <span aria-hidden="true">·</span>
          <span>
            <FormattedMessage id="cases.field.priority" />: <PriorityText priority={c.priority} />
          </span>
          <span aria-hidden="true">·</span>
          <span>{c.table.name}</span>
          {c.overdue && (
            <>
              <span aria-hidden="true">·</span>
              <OverdueBadge />
            </>
          )}
        </p>
        <ErrorAlert error={error} />
        <CaseChangedNotice caseId={c.id} version={c.version} onReload={onChanged} />
        {limit && (
          <Alert color="warning">
            <FormattedMessage
              id={`cases.page.overdue.${limit}`}
              values={{ firstMeetingDue: fmt.date(c.firstMeetingDueOn), planDue: fmt.date(c.planDueOn) }}
            />
          </Alert>
        )}
        {c.transferTo && (
          <Alert color="info">
            <FormattedMessage
              id="cases.page.transferPending"
              values={{ table: c.transferTo.name, date: fmt.date(c.transferRequestedAt), reason: c.transferReason || "—" }}
            />
          </Alert>
        )}
        <PendingApprovals data={c} />

        <StepNotice />
        {showActions && (
          <Section id="case-actions-title" title="cases.section.actions" className="mb-4" headingClassName="h4">
            <CaseActions caseId={c.id} status={c.status} actions={c.actions} />
          </Section>
        )}

        <Section id="case-details-title" title="cases.section.details">
          <dl className="row">
            <DataItem term="cases.field.code">{c.code}</DataItem>
            <DataItem term="cases.field.table">{c.table.name}</DataItem>
            <DataItem term="cases.field.referredOn">{fmt.date(c.referredOn)}</DataItem>
            <DataItem term="cases.field.referringOrganization">{c.referringOrganization.name}</DataItem>
            <DataItem term="cases.field.referringOperator">{c.referringOperator?.name ?? "—"}</DataItem>
            <DataItem term="cases.field.caseManager">{c.caseManager?.name ?? <FormattedMessage id="cases.field.noCaseManager" />}</DataItem>
            <DataItem term="cases.field.needAreas">{c.needAreas.length ? c.needAreas.map((a) => label("NeedArea", a)).join(", ") : "—"}</DataItem>
            <DataItem term="cases.field.referralReason">{c.referralReason}</DataItem>
            <DataItem term="cases.field.referralChannel">{c.referralChannel ? label("ReferralChannel", c.referralChannel) : "—"}</DataItem>
            <DataItem term="cases.field.consentGivenAt">{fmt.date(c.consentGivenAt)}</DataItem>
            <DataItem term="cases.field.firstMeetingDueOn">{fmt.date(c.firstMeetingDueOn)}</DataItem>
            <DataItem term="cases.field.firstMeetingOn">{fmt.date(c.firstMeetingOn)}</DataItem>
            <DataItem term="cases.field.planDueOn">{fmt.date(c.planDueOn)}</DataItem>
            <DataItem term="cases.field.takenInChargeOn">{fmt.date(c.takenInChargeOn)}</DataItem>
            <DataItem term="cases.field.timeLimits">{c.overdue ? <OverdueBadge /> : <FormattedMessage id="cases.onTime" />}</DataItem>
            {c.closedOn && <DataItem term="cases.field.closedOn">{fmt.date(c.closedOn)}</DataItem>}
            {c.closureReason && <DataItem term="cases.field.closureReason">{label("CaseClosureReason", c.closureReason)}</DataItem>}
            {c.declineReason && <DataItem term="cases.field.declineReason">{c.declineReason}</DataItem>}
            {c.previousCase && (
              <DataItem term="cases.field.previousCase">
                <Link to={`/cases/${c.previousCase.id}`}>{c.previousCase.code}</Link>
              </DataItem>
            )}
            {c.nextCase && (
              <DataItem term="cases.field.nextCase">
                <Link to={`/cases/${c.nextCase.id}`}>{c.nextCase.code}</Link>
              </DataItem>
            )}
          </dl>
        </Section>

        <PersonSection person={c.person} caseID={c.id} tableID={c.table.id} onChanged={onChanged} />
        <ConsentsSection person={c.person} caseID={c.id} tableID={c.table.id} readsIdentity={Boolean(c.person.identity)} onChanged={onChanged} />
        <TimelineSection data={c} />
        <AssessmentsSection data={c} />
        <PlanSection data={c} />
        <InterventionsSection data={c} />
        <ServiceRequestsSection data={c} />
        <OutcomesSection data={c} />
        <MonitoringSection data={c} />
        <CaseDocumentsSection c={c} />
        <ApprovalsSection data={c} />
        <TeamSection data={c} />
      </CaseSteps>
    </BasisAskProvider>
  );
}

export function PersonSection({ person, caseID, tableID, onChanged }: { person: CaseData["person"]; caseID: string; tableID: string; onChanged: () => void }) {
  const fmt = useFormat();
  const label = useEnumLabel();
  const id = person.identity;
  const record = id ? { id: person.id, pseudonym: person.pseudonym, identity: id, cases: person.cases.totalCount, consents: person.consents?.length ?? 0 } : null;
  return (
    <Section id="case-person-title" title="cases.section.person">
      <dl className="row">
        <DataItem term="cases.person.pseudonym">{person.pseudonym}</DataItem>
        <DataItem term="cases.person.birthYear">{person.birthYear ?? "—"}</DataItem>
        <DataItem term="cases.person.gender">{person.gender ? label("PersonGender", person.gender) : "—"}</DataItem>
        <DataItem term="cases.person.citizenshipArea">{person.citizenshipArea ? label("PersonCitizenshipArea", person.citizenshipArea) : "—"}</DataItem>
        <DataItem term="cases.person.householdSize">{person.householdSize ?? "—"}</DataItem>
        <DataItem term="cases.person.municipality">{person.municipality?.name ?? "—"}</DataItem>
      </dl>
      <h3 className="h5">
        <FormattedMessage id="cases.person.identity" />
      </h3>
      <OtherCases person={person} current={caseID} />
      {id ? (
        <dl className="row" data-testid="person-identity">
          <DataItem term="cases.person.name">
            {id.firstName} {id.lastName}
          </DataItem>
          <DataItem term="cases.person.taxCode">{id.taxCode || "—"}</DataItem>
          <DataItem term="cases.person.birth">
            {fmt.date(id.birthDate)}
            {id.birthPlace ? ` — ${id.birthPlace}` : ""}
          </DataItem>
          <DataItem term="cases.person.phone">{id.phone || "—"}</DataItem>
          <DataItem term="cases.person.email">{id.email || "—"}</DataItem>
          <DataItem term="cases.person.address">{[id.address, [id.postalCode, id.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") || "—"}</DataItem>
        </dl>
      ) : (
        <p data-testid="identity-hidden">
          <FormattedMessage id="cases.person.identityHidden" />
        </p>
      )}
      <MergePersonAction self={record} tableID={tableID} onMerged={onChanged} />
    </Section>
  );
}

/** The person's other cases the viewer may see, earlier and later (reopened, transferred), oldest first. */
function OtherCases({ person, current }: { person: CaseData["person"]; current: string }) {
  const fmt = useFormat();
  const others = nodes(person.cases).filter((o) => o.id !== current);
  if (others.length === 0) {
    return null;
  }
  return (
    <>
      <h3 className="h5">
        <FormattedMessage id="cases.person.otherCases" values={{ count: others.length }} />
      </h3>
      <ul data-testid="person-other-cases">
        {others.map((o) => (
          <li key={o.id}>
            <Link to={`/cases/${o.id}`}>{o.code}</Link> — <StatusBadge status={o.status} /> — {o.table.name} —{" "}
            <FormattedMessage
              id={o.closedOn ? "cases.person.otherCaseClosed" : "cases.person.otherCaseOpen"}
              values={{ referred: fmt.date(o.referredOn), closed: fmt.date(o.closedOn) }}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
