import type { ReactNode } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { graphql } from "../../gql";
import type { CasePageSectionsFragment } from "../../gql/graphql";
import { useFormat } from "../../i18n/format";
import { useEnumLabel } from "../../i18n/useEnumLabel";
import { nodes } from "../../ui/connection";
import { DataItem } from "../../ui/DataList";
import { type DataColumn, DataTable } from "../../ui/DataTable";
import { Section } from "../../ui/Section";
import { followUpIsDue } from "./actions/parts";
import { usePartNames, type PartStep } from "./actions/partNames";
import { PartStepButton, useCaseSteps } from "./actions/steps";
import { newestFirst } from "./casePage";
import { EventSentence } from "./EventSentence";

// The case's story, one section each: what happened (timeline), what the
// assessments found, the plan agreed with the person, the interventions
// and their outcomes, the monitoring meetings and who works the case.

// The parts of a case the page shows and the actions' forms pick from (and
// the events a conflict reports), with the same fields in both.
export const CasePageSectionsEventFragmentDoc = graphql(`
  fragment CasePageSectionsEvent on CaseEvent {
    id
    kind
    occurredAt
    note
    actor {
      id
      name
    }
    detail
    assessmentLevel
    interventionKind
    interventionStatus
    outcomeKind
    stillHeld
    closureReason
    declineReason
    completionReason
    successful
    approvalKind
    day
    organization {
      id
      name
    }
    assignee {
      id
      name
    }
    fromTable {
      id
      name
    }
    toTable {
      id
      name
    }
    relatedCase {
      id
      code
    }
  }
`);

export const CasePageSectionsGoalFragmentDoc = graphql(`
  fragment CasePageSectionsGoal on Goal {
    id
    area
    description
    dueOn
    status
  }
`);

export const CasePageSectionsCommitmentFragmentDoc = graphql(`
  fragment CasePageSectionsCommitment on Commitment {
    id
    kind
    description
    hoursAgreed
    hoursDone
    dueOn
  }
`);

export const CasePageSectionsInterventionFragmentDoc = graphql(`
  fragment CasePageSectionsIntervention on Intervention {
    id
    kind
    description
    startsOn
    endsOn
    status
    costCents
    provider {
      id
      name
    }
    fund {
      id
      name
      year
    }
    protocol {
      id
      title
    }
  }
`);

export const CasePageSectionsFragmentDoc = graphql(`
  fragment CasePageSections on Case {
    id
    events(first: 100, orderBy: [{ field: OCCURRED_AT, direction: DESC }]) {
      totalCount
      edges {
        node {
          ...CasePageSectionsEvent
        }
      }
    }
    assessments(first: 100, orderBy: [{ field: ASSESSED_ON, direction: DESC }]) {
      edges {
        node {
          id
          level
          assessedOn
          summary
          complexNeeds
          assessor {
            id
            name
          }
          findings {
            area
            need
            resources
            notes
          }
        }
      }
    }
    plan {
      id
      summary
      agreedOn
      reviewOn
      goals(first: 100, orderBy: [{ field: CREATED_AT, direction: ASC }]) {
        edges {
          node {
            ...CasePageSectionsGoal
          }
        }
      }
      commitments(first: 100, orderBy: [{ field: CREATED_AT, direction: ASC }]) {
        edges {
          node {
            ...CasePageSectionsCommitment
            host {
              id
              name
            }
          }
        }
      }
    }
    interventions(first: 100, orderBy: [{ field: STARTS_ON, direction: ASC }]) {
      edges {
        node {
          ...CasePageSectionsIntervention
        }
      }
    }
    outcomes(first: 100, orderBy: [{ field: ACHIEVED_ON, direction: ASC }]) {
      edges {
        node {
          id
          kind
          valueDimension
          achievedOn
          evidence
          followUpDueOn
          followedUpOn
          stillHeld
          intervention {
            id
            kind
          }
          verifiedBy {
            id
            name
          }
        }
      }
    }
    # Fifty meetings, monthly for four years: each brings its items, and
    # the page's query must stay within the API's cost limit
    # (server/web/limits.go), where a hundred took two thirds of it.
    monitoringMeetings(first: 50, orderBy: [{ field: PLANNED_ON, direction: ASC }]) {
      edges {
        node {
          id
          plannedOn
          heldOn
          summary
          recordedBy {
            id
            name
          }
          items(first: 20) {
            edges {
              node {
                id
                progress
                goalStatus
                hoursDone
                goal {
                  id
                  description
                }
                commitment {
                  id
                  description
                }
              }
            }
          }
        }
      }
    }
    team(first: 100, orderBy: [{ field: NAME, direction: ASC }]) {
      edges {
        node {
          id
          name
          organization {
            id
            name
          }
        }
      }
    }
  }
`);

type Data = { data: CasePageSectionsFragment };

function Empty({ id }: { id: string }) {
  return (
    <p>
      <FormattedMessage id={id} />
    </p>
  );
}

/**
 * The rows in a table captioned (for screen readers) `caption`; when there
 * are none, the message `empty`, or nothing.
 */
export function Rows<T>({ rows, empty, caption, columns, row }: { rows: T[]; empty?: string; caption: string; columns: DataColumn[]; row: (r: T) => ReactNode }) {
  const intl = useIntl();
  if (rows.length === 0) {
    return empty ? <Empty id={empty} /> : null;
  }
  return (
    <DataTable caption={intl.formatMessage({ id: caption })} hideCaption columns={columns}>
      {rows.map(row)}
    </DataTable>
  );
}

/** The column of a step on each row's part, when the viewer may take it. */
export function useStepColumn(action: PartStep): DataColumn[] {
  return useCaseSteps()?.allowed(action) ? ["cases.stepColumn"] : [];
}

/** The cell of a step on the row's part, in the step's column: its button when the part takes it (`when`). */
export function StepCell({ action, part, name, when = true }: { action: PartStep; part: string; name: string; when?: boolean }) {
  const steps = useCaseSteps();
  if (!steps?.allowed(action)) {
    return null;
  }
  return <td>{when && <PartStepButton action={action} part={part} name={name} />}</td>;
}

export function TimelineSection({ data }: Data) {
  const fmt = useFormat();
  const events = newestFirst(nodes(data.events));
  return (
    <Section id="case-timeline-title" title="cases.section.timeline">
      {events.length === 0 ? (
        <Empty id="cases.timeline.none" />
      ) : (
        <ol className="list-unstyled border-start border-2 ps-3" data-testid="case-timeline">
          {events.map((e) => (
            <li key={e.id} className="mb-3">
              <strong>
                <EventSentence event={e} />
              </strong>{" "}
              <span>
                — <time dateTime={e.occurredAt}>{fmt.dateTime(e.occurredAt)}</time>
              </span>
              <br />
              <span>
                <FormattedMessage id="cases.timeline.actor" values={{ name: e.actor?.name ?? "—" }} />
              </span>
              {e.note && <p className="mb-0 mt-1">{e.note}</p>}
            </li>
          ))}
        </ol>
      )}
      {data.events.totalCount > events.length && (
        <p>
          <FormattedMessage id="cases.timeline.more" values={{ shown: events.length, total: data.events.totalCount }} />
        </p>
      )}
    </Section>
  );
}

export function AssessmentsSection({ data }: Data) {
  const fmt = useFormat();
  const label = useEnumLabel();
  const assessments = nodes(data.assessments);
  return (
    <Section id="case-assessments-title" title="cases.section.assessments">
      {assessments.length === 0 && <Empty id="cases.assessments.none" />}
      {assessments.map((a) => (
        <article key={a.id} className="mb-4">
          <h3 className="h5">
            <FormattedMessage id="cases.assessments.heading" values={{ level: label("AssessmentLevel", a.level), date: fmt.date(a.assessedOn) }} />
          </h3>
          <p className="mb-1">
            <FormattedMessage id="cases.assessments.assessor" values={{ name: a.assessor?.name ?? "—" }} />
            {a.complexNeeds && (
              <>
                {" "}
                <strong>
                  <FormattedMessage id="cases.assessments.complexNeeds" />
                </strong>
              </>
            )}
          </p>
          {a.summary && <p>{a.summary}</p>}
          <Rows
            rows={a.findings}
            caption="cases.assessments.findingsCaption"
            columns={["cases.assessments.area", "cases.assessments.need", "cases.assessments.resources", "cases.assessments.notes"]}
            row={(f) => (
              <tr key={f.area}>
                <th scope="row">{label("NeedArea", f.area)}</th>
                <td>{label("NeedLevel", f.need)}</td>
                <td>{f.resources || "—"}</td>
                <td>{f.notes || "—"}</td>
              </tr>
            )}
          />
        </article>
      ))}
    </Section>
  );
}

export function PlanSection({ data }: Data) {
  const fmt = useFormat();
  const label = useEnumLabel();
  const plan = data.plan;
  const goals = nodes(plan?.goals);
  const commitments = nodes(plan?.commitments);
  const goalStep = useStepColumn("UPDATE_GOAL");
  const commitmentStep = useStepColumn("UPDATE_COMMITMENT");
  return (
    <Section id="case-plan-title" title="cases.section.plan">
      {!plan ? (
        <Empty id="cases.plan.none" />
      ) : (
        <>
          <p>{plan.summary || <FormattedMessage id="cases.plan.noSummary" />}</p>
          <dl className="row">
            <DataItem term="cases.plan.agreedOn">{plan.agreedOn ? fmt.date(plan.agreedOn) : <FormattedMessage id="cases.plan.notAgreed" />}</DataItem>
            <DataItem term="cases.plan.reviewOn">{plan.reviewOn ? fmt.date(plan.reviewOn) : <FormattedMessage id="cases.plan.noReview" />}</DataItem>
          </dl>
          <h3 className="h5">
            <FormattedMessage id="cases.plan.goals" />
          </h3>
          <Rows
            rows={goals}
            empty="cases.plan.noGoals"
            caption="cases.plan.goals"
            columns={["cases.plan.goal", "cases.plan.area", "cases.plan.goalStatus", "cases.plan.dueOn", ...goalStep]}
            row={(g) => (
              <tr key={g.id}>
                <th scope="row">{g.description}</th>
                <td>{label("NeedArea", g.area)}</td>
                <td>{label("GoalStatus", g.status)}</td>
                <td>{fmt.date(g.dueOn)}</td>
                <StepCell action="UPDATE_GOAL" part={g.id} name={g.description} />
              </tr>
            )}
          />
          <h3 className="h5">
            <FormattedMessage id="cases.plan.commitments" />
          </h3>
          <Rows
            rows={commitments}
            empty="cases.plan.noCommitments"
            caption="cases.plan.commitments"
            columns={["cases.plan.commitment", "cases.plan.kind", "cases.plan.host", { id: "cases.plan.hoursAgreed", end: true }, { id: "cases.plan.hoursDone", end: true }, "cases.plan.dueOn", ...commitmentStep]}
            row={(m) => (
              <tr key={m.id}>
                <th scope="row">{m.description}</th>
                <td>{label("CommitmentKind", m.kind)}</td>
                <td>{m.host?.name ?? "—"}</td>
                <td className="text-end">{fmt.number(m.hoursAgreed)}</td>
                <td className="text-end">{fmt.number(m.hoursDone)}</td>
                <td>{fmt.date(m.dueOn)}</td>
                <StepCell action="UPDATE_COMMITMENT" part={m.id} name={m.description} />
              </tr>
            )}
          />
        </>
      )}
    </Section>
  );
}

export function InterventionsSection({ data }: Data) {
  const fmt = useFormat();
  const label = useEnumLabel();
  const names = usePartNames();
  const interventions = nodes(data.interventions);
  const step = useStepColumn("UPDATE_INTERVENTION");
  return (
    <Section id="case-interventions-title" title="cases.section.interventions">
      <Rows
        rows={interventions}
        empty="cases.interventions.none"
        caption="cases.section.interventions"
        columns={["cases.interventions.kind", "cases.interventions.provider", "cases.interventions.period", "cases.interventions.status", { id: "cases.interventions.cost", end: true }, "cases.interventions.fund", "cases.interventions.protocol", ...step]}
        row={(i) => (
          <tr key={i.id}>
            <th scope="row">
              {label("InterventionKind", i.kind)}
              {i.description && <span className="d-block fw-normal">{i.description}</span>}
            </th>
            <td>{i.provider.name}</td>
            <td>
              <FormattedMessage id="cases.interventions.dates" values={{ from: fmt.date(i.startsOn), to: fmt.date(i.endsOn) }} />
            </td>
            <td>{label("InterventionStatus", i.status)}</td>
            <td className="text-end">{fmt.euros(i.costCents)}</td>
            <td>{i.fund ? `${i.fund.name} (${i.fund.year})` : <FormattedMessage id="cases.interventions.noFund" />}</td>
            <td>{i.protocol ? i.protocol.title : <FormattedMessage id="cases.interventions.noProtocol" />}</td>
            <StepCell action="UPDATE_INTERVENTION" part={i.id} name={names.intervention(i)} />
          </tr>
        )}
      />
    </Section>
  );
}

export function OutcomesSection({ data }: Data) {
  const fmt = useFormat();
  const label = useEnumLabel();
  const intl = useIntl();
  const names = usePartNames();
  const outcomes = nodes(data.outcomes);
  const step = useStepColumn("RECORD_FOLLOW_UP");
  const held = (v: boolean | null | undefined) =>
    v === null || v === undefined ? "—" : intl.formatMessage({ id: v ? "cases.outcomes.held" : "cases.outcomes.notHeld" });
  return (
    <Section id="case-outcomes-title" title="cases.section.outcomes">
      <Rows
        rows={outcomes}
        empty="cases.outcomes.none"
        caption="cases.section.outcomes"
        columns={["cases.outcomes.kind", "cases.outcomes.dimension", "cases.outcomes.achievedOn", "cases.outcomes.intervention", "cases.outcomes.evidence", "cases.outcomes.followUp", ...step]}
        row={(o) => (
          <tr key={o.id}>
            <th scope="row">{label("OutcomeKind", o.kind)}</th>
            <td>{label("OutcomeValueDimension", o.valueDimension)}</td>
            <td>{fmt.date(o.achievedOn)}</td>
            <td>{o.intervention ? label("InterventionKind", o.intervention.kind) : "—"}</td>
            <td>
              {o.evidence || "—"}
              {o.verifiedBy && (
                <span className="d-block">
                  <FormattedMessage id="cases.outcomes.verifiedBy" values={{ name: o.verifiedBy.name }} />
                </span>
              )}
            </td>
            <td>
              {o.followedUpOn ? (
                <FormattedMessage id="cases.outcomes.followedUp" values={{ date: fmt.date(o.followedUpOn), held: held(o.stillHeld) }} />
              ) : o.followUpDueOn ? (
                <FormattedMessage id="cases.outcomes.followUpDue" values={{ date: fmt.date(o.followUpDueOn) }} />
              ) : (
                <FormattedMessage id="cases.outcomes.noFollowUp" />
              )}
            </td>
            <StepCell action="RECORD_FOLLOW_UP" part={o.id} name={names.outcome(o)} when={followUpIsDue(o)} />
          </tr>
        )}
      />
    </Section>
  );
}

export function MonitoringSection({ data }: Data) {
  const fmt = useFormat();
  const label = useEnumLabel();
  const names = usePartNames();
  const meetings = nodes(data.monitoringMeetings);
  const step = useStepColumn("RECORD_MONITORING_MEETING");
  return (
    <Section id="case-monitoring-title" title="cases.section.monitoring">
      <Rows
        rows={meetings}
        empty="cases.monitoring.none"
        caption="cases.section.monitoring"
        columns={["cases.monitoring.plannedOn", "cases.monitoring.heldOn", "cases.monitoring.summary", "cases.monitoring.items", ...step]}
        row={(m) => {
          const items = nodes(m.items);
          return (
            <tr key={m.id}>
              <th scope="row">{fmt.date(m.plannedOn)}</th>
              <td>{m.heldOn ? fmt.date(m.heldOn) : <FormattedMessage id="cases.monitoring.notYetHeld" />}</td>
              <td>
                {m.summary || "—"}
                {m.recordedBy && (
                  <span className="d-block">
                    <FormattedMessage id="cases.monitoring.recordedBy" values={{ name: m.recordedBy.name }} />
                  </span>
                )}
              </td>
              <td>
                {items.length === 0 ? (
                  "—"
                ) : (
                  <ul className="mb-0 ps-3">
                    {items.map((it) => (
                      <li key={it.id}>
                        {it.goal ? (
                          <FormattedMessage
                            id={it.goalStatus ? "cases.monitoring.goalItem" : "cases.monitoring.goalToReview"}
                            values={{ goal: it.goal.description, status: label("MonitoringItemGoalStatus", it.goalStatus) }}
                          />
                        ) : it.commitment ? (
                          <FormattedMessage
                            id={it.hoursDone === null || it.hoursDone === undefined ? "cases.monitoring.commitmentToVerify" : "cases.monitoring.commitmentItem"}
                            values={{ commitment: it.commitment.description, hours: fmt.number(it.hoursDone) }}
                          />
                        ) : null}
                        {it.progress && <span className="d-block">{it.progress}</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <StepCell action="RECORD_MONITORING_MEETING" part={m.id} name={names.meeting(m)} when={!m.heldOn} />
            </tr>
          );
        }}
      />
    </Section>
  );
}

export function TeamSection({ data }: Data) {
  const team = nodes(data.team);
  return (
    <Section id="case-team-title" title="cases.section.team">
      {team.length === 0 ? (
        <Empty id="cases.team.none" />
      ) : (
        <ul>
          {team.map((u) => (
            <li key={u.id}>
              <FormattedMessage id="cases.team.member" values={{ name: u.name, organization: u.organization.name }} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
