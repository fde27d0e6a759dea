import type { ReactNode } from "react";
import { useEffect, useRef, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { useQuery } from "urql";
import type { AgendaCaseRefFragment, AgendaQuery as AgendaQueryResult, AgendaQueryVariables } from "../../gql/graphql";
import { useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { useSession } from "../../session/session";
import { nodes } from "../../ui/connection";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { LoadMore } from "../../ui/LoadMore";
import { Loading } from "../../ui/Loading";
import { usePageTitle } from "../../ui/usePageTitle";
import { followUpBasis } from "./due";
import { DueText } from "./DueText";
import { answeredMessage, IncomingRequest } from "./IncomingRequests";
import { DirectiveProgressActions, type RecordedStep } from "../steering/DirectiveProgressActions";
import type { DirectiveStep } from "../steering/model";
import { AgendaQuery } from "./queries";

type AgendaData = AgendaQueryResult["agenda"];

// The notice of a step recorded on a directive (whole ids, so that the
// catalogue test sees each used).
const directiveRecorded: Record<RecordedStep, string> = {
  IN_PROGRESS: "agenda.directive.inProgress",
  IMPLEMENTED: "agenda.directive.implemented",
  NOT_APPLICABLE: "agenda.directive.notApplicable",
};
type AfterKey = keyof AgendaQueryVariables;

interface Connection<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges?: ({ node?: N | null } | null)[] | null;
}

function personName(p: AgendaCaseRefFragment["person"]): string {
  return p.identity ? `${p.identity.lastName} ${p.identity.firstName}` : p.pseudonym;
}

function CaseLink({ c }: { c: AgendaCaseRefFragment }) {
  return (
    <Link to={`/cases/${c.id}`}>
      {c.code} — {personName(c.person)}
    </Link>
  );
}

function Item({ title, detail, due }: { title: ReactNode; detail?: ReactNode; due?: ReactNode }) {
  return (
    <li className="d-flex flex-wrap justify-content-between align-items-start gap-2 border-bottom py-2">
      <div>
        <div className="fw-semibold">{title}</div>
        {detail && <div className="small">{detail}</div>}
      </div>
      {due && <div>{due}</div>}
    </li>
  );
}

function Section<N>({
  id,
  conn,
  afterKey,
  fetching,
  onMore,
  render,
  shown = true,
}: {
  id: string;
  conn: Connection<N>;
  afterKey: AfterKey;
  fetching: boolean;
  onMore: (key: AfterKey, after: string) => void;
  render: (n: N) => ReactNode;
  /** Whether the list is for the viewer; when not, it shows only if it has items. */
  shown?: boolean;
}) {
  const items = nodes(conn);
  if (!shown && conn.totalCount === 0) {
    return null;
  }
  const headingID = `agenda-${id}`;
  return (
    <section aria-labelledby={headingID} className="mb-4">
      <h2 id={headingID} className="h4 mb-2">
        <FormattedMessage id={`agenda.section.${id}`} /> <span className="badge bg-primary ms-1" aria-hidden="true">{conn.totalCount}</span>
        <span className="visually-hidden">
          {" "}
          <FormattedMessage id="agenda.count" values={{ count: conn.totalCount }} />
        </span>
      </h2>
      {items.length === 0 ? (
        <p className="mb-0">
          <FormattedMessage id="agenda.nothingDue" />
        </p>
      ) : (
        <>
          <ul className="list-unstyled mb-2">{items.map(render)}</ul>
          <LoadMore pageInfo={conn.pageInfo} fetching={fetching} onMore={(after) => onMore(afterKey, after)} />
        </>
      )}
    </section>
  );
}

/**
 * The home of those who work cases: what is waiting, due or late today.
 * An operator of a partner organisation who sits at no table works the
 * service requests addressed to their organisation: their agenda leads
 * with those, and leaves out the tables' lists they have nothing in.
 */
export function Agenda() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "agenda.title" }));
  const session = useSession();
  const [vars, setVars] = useState<AgendaQueryVariables>({});
  const [result, reexecute] = useQuery({ query: AgendaQuery, variables: vars });
  const onMore = (key: AfterKey, after: string) => setVars((v) => ({ ...v, [key]: after }));
  const agenda = result.data?.agenda;
  // The notice of the answer last given to a request, where the focus
  // goes once its form has gone; the lists are read again, as the
  // request has moved on (or out of them).
  const [answered, setAnswered] = useState<{ message: string; values?: Record<string, string> } | null>(null);
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (answered) {
      notice.current?.focus();
    }
  }, [answered]);
  const onAnswered = (message: string, values?: Record<string, string>) => {
    setAnswered({ message, values });
    reexecute({ requestPolicy: "network-only" });
  };
  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-start gap-3 mb-4">
        <div>
          <h1 className="mb-1">
            <FormattedMessage id="agenda.title" />
          </h1>
          <p className="lead mb-0">
            <FormattedMessage
              id="agenda.greeting"
              values={{
                name: session.viewer.name,
                date: intl.formatDate(agenda ? `${agenda.today}T00:00:00Z` : new Date(), { timeZone: agenda ? "UTC" : "Europe/Rome", weekday: "long", day: "numeric", month: "long", year: "numeric" }),
              }}
            />
          </p>
        </div>
        <Link to="/refer" className="btn btn-primary">
          <FormattedMessage id="agenda.newReferral" />
        </Link>
      </div>
      {session.tableIDs.length === 0 && (
        <p>
          <FormattedMessage id="agenda.partnerIntro" />
        </p>
      )}
      <div ref={notice} role="status" aria-live="polite" tabIndex={-1} className={answered ? "alert alert-success" : undefined} data-testid="agenda-notice">
        {answered && intl.formatMessage({ id: answered.message }, answered.values)}
      </div>
      <ErrorAlert error={result.error} />
      {!agenda && result.fetching && <Loading />}
      {agenda && <AgendaSections agenda={agenda} fetching={result.fetching} onMore={onMore} onAnswered={onAnswered} />}
    </>
  );
}

/**
 * The agenda's lists, in the order work is usually done: the requests
 * addressed to the viewer's organisation first, when there are any (and
 * always for who sits at no table, for whom the tables' lists show only
 * when something is in them).
 */
export function AgendaSections({
  agenda,
  fetching,
  onMore,
  onAnswered = () => undefined,
}: {
  agenda: AgendaData;
  fetching: boolean;
  onMore: (key: AfterKey, after: string) => void;
  /** An answer to an incoming request, or a step on a directive, was given: its notice's catalogue message and values. */
  onAnswered?: (message: string, values?: Record<string, string>) => void;
}) {
  const intl = useIntl();
  const f = useFormat();
  const label = useEnumLabel();
  const session = useSession();
  const today = agenda.today;
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const member = session.tableIDs.length > 0;
  // The tables' lists, for who sits at one; for anyone else only when not empty.
  const common = { fetching, onMore, shown: member };
  // An item of a list about a case: the case's link, then what is due.
  const caseItem = (key: string, c: AgendaCaseRefFragment, detail: ReactNode, due?: ReactNode) => <Item key={key} title={<CaseLink c={c} />} detail={detail} due={due} />;
  const tableNames = new Map(
    (session.viewer.memberships.edges ?? []).flatMap((e) => (e?.node ? [[e.node.table.id, e.node.table.name] as const] : [])),
  );
  return (
    <>
      <Section
        id="serviceRequestsIncoming"
        conn={agenda.serviceRequestsIncoming}
        afterKey="incomingAfter"
        fetching={fetching}
        onMore={onMore}
        shown={!member}
        render={(r) => <IncomingRequest key={r.id} request={r} today={today} onAnswered={(a) => onAnswered(answeredMessage[a])} />}
      />
      <Section
        id="referralsWaiting"
        conn={agenda.referralsWaiting}
        afterKey="referralsAfter"
        {...common}
        render={(c) =>
          caseItem(
            c.id,
            c,
            <>
              {c.table.name} · {t("agenda.referredOn", { date: f.date(c.referredOn) })} · {label("CasePriority", c.priority)}
            </>,
            <DueText due={c.firstMeetingDueOn} today={today} label={t("agenda.firstMeetingBy")} />,
          )
        }
      />
      <Section
        id="overdueCases"
        conn={agenda.overdueCases}
        afterKey="overdueAfter"
        {...common}
        render={(c) =>
          caseItem(
            c.id,
            c,
            <>
              {c.table.name} · {label("CaseStatus", c.status)}
            </>,
            c.status === "REFERRED" ? (
              <DueText due={c.firstMeetingDueOn} today={today} label={t("agenda.firstMeetingBy")} />
            ) : (
              <DueText due={c.planDueOn} today={today} label={t("agenda.planBy")} />
            ),
          )
        }
      />
      <Section
        id="incomingTransfers"
        conn={agenda.incomingTransfers}
        afterKey="transfersAfter"
        {...common}
        render={(c) =>
          caseItem(c.id, c, t("agenda.transfer", { from: c.table.name, to: c.transferTo?.name ?? "—", date: f.date(c.transferRequestedAt) }))
        }
      />
      <Section
        id="approvalsWaiting"
        conn={agenda.approvalsWaiting}
        afterKey="approvalsAfter"
        {...common}
        shown={session.coordinatedTableIDs.length > 0}
        render={(a) =>
          caseItem(
            a.id,
            a.case,
            <>
              {a.case.table.name} · {t("agenda.approval", { kind: a.kind, by: a.proposedBy?.name ?? "—", date: f.date(a.proposedAt) })}
            </>,
          )
        }
      />
      <Section
        id="casesWithoutManager"
        conn={agenda.casesWithoutManager}
        afterKey="noManagerAfter"
        {...common}
        render={(c) => caseItem(c.id, c, <>{c.table.name} · {t("agenda.inChargeSince", { date: f.date(c.takenInChargeOn) })}</>)}
      />
      <Section
        id="declinedReferrals"
        conn={agenda.declinedReferrals}
        afterKey="declinedAfter"
        {...common}
        render={(c) => caseItem(c.id, c, <>{c.table.name} · {t("agenda.declineReason", { reason: c.declineReason ?? "—" })}</>)}
      />
      <Section
        id="serviceRequestsOverdue"
        conn={agenda.serviceRequestsOverdue}
        afterKey="requestsOverdueAfter"
        {...common}
        render={(r) =>
          r.case ? (
            caseItem(
              r.id,
              r.case,
              t("agenda.request.overdue", { kind: label("InterventionKind", r.kind), organization: r.organization.name, date: f.date(r.sentOn) }),
              <DueText due={r.answerDueOn} today={today} label={t("agenda.request.answerBy")} />,
            )
          ) : null
        }
      />
      <Section
        id="planReviewsDue"
        conn={agenda.planReviewsDue}
        afterKey="reviewsAfter"
        {...common}
        render={(p) => caseItem(p.id, p.case, t("agenda.planReview"), <DueText due={p.reviewOn} today={today} />)}
      />
      <Section
        id="monitoringMeetingsDue"
        conn={agenda.monitoringMeetingsDue}
        afterKey="meetingsAfter"
        {...common}
        render={(m) => caseItem(m.id, m.case, t("agenda.meetingPlanned"), <DueText due={m.plannedOn} today={today} />)}
      />
      <Section
        id="followUpsDue"
        conn={agenda.followUpsDue}
        afterKey="followUpsAfter"
        {...common}
        render={(o) =>
          caseItem(
            o.id,
            o.case,
            <>
              {t("agenda.followUp", { kind: label("OutcomeKind", o.kind), date: f.date(o.achievedOn) })}
              {!followUpBasis(o.case.person.consents ?? [], today) && (
                <span className="d-block fw-semibold" data-testid="follow-up-basis-missing">
                  {t("agenda.followUpBasisMissing")}
                </span>
              )}
            </>,
            <DueText due={o.followUpDueOn} today={today} />,
          )
        }
      />
      <Section
        id="interventionsEnding"
        conn={agenda.interventionsEnding}
        afterKey="interventionsAfter"
        {...common}
        render={(i) =>
          caseItem(
            i.id,
            i.case,
            <>
              {label("InterventionKind", i.kind)} · {i.provider.name} · {label("InterventionStatus", i.status)}
            </>,
            <DueText due={i.endsOn} today={today} label={t("agenda.endsOn")} />,
          )
        }
      />
      <Section
        id="overdueCommitments"
        conn={agenda.overdueCommitments}
        afterKey="commitmentsAfter"
        {...common}
        render={(c) =>
          caseItem(
            c.id,
            c.plan.case,
            <>
              {label("CommitmentKind", c.kind)}: {c.description} · {t("agenda.hours", { done: c.hoursDone, agreed: c.hoursAgreed })}
            </>,
            <DueText due={c.dueOn} today={today} />,
          )
        }
      />
      <Section
        id="directivesToAcknowledge"
        conn={agenda.directivesToAcknowledge}
        afterKey="directivesAfter"
        {...common}
        render={(d) => {
          const addressed = nodes(d.tables).map((tb) => tb.id);
          const mine = session.coordinatedTableIDs.filter((id) => d.allTables || addressed.includes(id));
          const names = new Map(nodes(d.tables).map((tb) => [tb.id, tb.name]));
          const status = new Map(d.progress.map((p) => [p.table.id, p.progress?.status]));
          return (
            <Item
              key={d.id}
              title={d.title}
              detail={
                <>
                  {t("agenda.issuedOn", { date: f.date(d.issuedOn) })}
                  {mine.map((id) => {
                    const table = { id, name: names.get(id) ?? tableNames.get(id) ?? id };
                    return (
                      <div key={id} className="mt-1">
                        <Link to={`/tables/${id}`}>{t("agenda.acknowledgeAt", { table: table.name })}</Link>
                        {/* The steps the table may still record, in place; the directive leaves the list once acknowledged. */}
                        <DirectiveProgressActions
                          directive={d}
                          table={table}
                          status={status.get(id) as DirectiveStep | undefined}
                          viewer={session}
                          onRecorded={(step) => onAnswered(directiveRecorded[step], { title: d.title, table: table.name })}
                        />
                      </div>
                    );
                  })}
                </>
              }
            />
          );
        }}
      />
    </>
  );
}
