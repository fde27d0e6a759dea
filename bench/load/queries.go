package main

// The GraphQL documents the load sends: the web app's own (frontend/src),
// copied with their fragments inlined, so that the server does the work a
// browser gives it.

const signInDoc = `mutation SignIn($input: LoginInput!) { login(input: $input) { viewer { id name } } }`

// casesListDoc is the case list page (CasesList.tsx), with its count.
const casesListDoc = `query CasesList($first: Int!, $after: Cursor, $where: CaseWhereInput, $orderBy: [CaseOrder!]) {
  cases(first: $first, after: $after, where: $where, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id code status priority referredOn overdue
      person { id pseudonym birthYear }
      table { id name }
      caseManager { id name }
    } }
  }
}`

// casePageDoc is the case page (CasePage.tsx and sections.tsx): the case,
// the person and every section's edges.
const casePageDoc = `query CasePage($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Case {
      code status priority version overdue referredOn referralReason needAreas
      actions { action allowed blockedBy blockers { __typename id ... on Intervention { kind description } ... on Case { code } } }
      takenInChargeOn closedOn closureReason declineReason consentGivenAt firstMeetingOn
      firstMeetingDueOn planDueOn transferReason transferRequestedAt
      transferTo { id name } table { id name } referringOrganization { id name }
      referringOperator { id name } caseManager { id name } previousCase { id code } nextCase { id code }
      person { id pseudonym birthYear gender householdSize citizenshipArea municipality { id name }
        cases(first: 20, orderBy: [{field: REFERRED_ON, direction: ASC}]) { totalCount edges { node { id code status referredOn closedOn table { id name } } } }
        identity { id firstName lastName taxCode birthDate birthPlace email phone address postalCode city } }
      events(first: 100, orderBy: [{field: OCCURRED_AT, direction: DESC}]) {
        totalCount edges { node { id kind occurredAt note actor { id name } detail assessmentLevel interventionKind
          interventionStatus outcomeKind stillHeld closureReason day assignee { id name } fromTable { id name } toTable { id name }
          relatedCase { id code } } }
      }
      assessments(first: 100, orderBy: [{field: ASSESSED_ON, direction: DESC}]) {
        edges { node { id level assessedOn summary complexNeeds assessor { id name } findings { area need resources notes } } }
      }
      plan { id summary agreedOn reviewOn
        goals(first: 100, orderBy: [{field: CREATED_AT, direction: ASC}]) { edges { node { id area description dueOn status } } }
        commitments(first: 100, orderBy: [{field: CREATED_AT, direction: ASC}]) {
          edges { node { id kind description hoursAgreed hoursDone dueOn host { id name } } }
        }
      }
      interventions(first: 100, orderBy: [{field: STARTS_ON, direction: ASC}]) {
        edges { node { id kind description startsOn endsOn status costCents provider { id name } fund { id name year } } }
      }
      outcomes(first: 100, orderBy: [{field: ACHIEVED_ON, direction: ASC}]) {
        edges { node { id kind valueDimension achievedOn evidence followUpDueOn followedUpOn stillHeld
          intervention { id kind } verifiedBy { id name } } }
      }
      monitoringMeetings(first: 100, orderBy: [{field: PLANNED_ON, direction: ASC}]) {
        edges { node { id plannedOn heldOn summary recordedBy { id name }
          items(first: 20) { edges { node { id progress goalStatus hoursDone goal { id description } commitment { id description } } } } } }
      }
      team(first: 100, orderBy: [{field: NAME, direction: ASC}]) { edges { node { id name organization { id name } } } }
    }
  }
}`

// agendaDoc is the agenda (features/agenda/queries.ts), first pages only.
const agendaDoc = `fragment AgendaCaseRef on Case { id code person { id pseudonym identity { id firstName lastName } } }
fragment AgendaCase on Case { ...AgendaCaseRef status priority referredOn firstMeetingDueOn planDueOn takenInChargeOn
  declineReason transferRequestedAt table { id name } transferTo { id name } }
fragment AgendaCaseList on CaseConnection { totalCount pageInfo { hasNextPage endCursor } edges { node { ...AgendaCase } } }
query Agenda {
  agenda(horizonDays: 30) {
    today horizon
    referralsWaiting(first: 10) { ...AgendaCaseList }
    overdueCases(first: 10) { ...AgendaCaseList }
    incomingTransfers(first: 10) { ...AgendaCaseList }
    casesWithoutManager(first: 10) { ...AgendaCaseList }
    declinedReferrals(first: 10) { ...AgendaCaseList }
    planReviewsDue(first: 10) { totalCount pageInfo { hasNextPage endCursor } edges { node { id reviewOn case { ...AgendaCaseRef } } } }
    monitoringMeetingsDue(first: 10) { totalCount pageInfo { hasNextPage endCursor } edges { node { id plannedOn case { ...AgendaCaseRef } } } }
    followUpsDue(first: 10) { totalCount pageInfo { hasNextPage endCursor } edges { node { id kind achievedOn followUpDueOn case { ...AgendaCaseRef } } } }
    interventionsEnding(first: 10) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { id kind status endsOn provider { id name } case { ...AgendaCaseRef } } } }
    overdueCommitments(first: 10) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { id kind description hoursAgreed hoursDone dueOn plan { id case { ...AgendaCaseRef } } } } }
    directivesToAcknowledge(first: 10) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { id title issuedOn allTables tables(first: 100) { edges { node { id name } } } } } }
  }
}`

// dashboardDoc is the dashboard's key figures and trend
// (features/dashboard/queries.ts) in one request.
const dashboardDoc = `fragment DashboardCell on IndicatorCell { keys { dimension key label } value persons suppressed }
fragment DashboardResult on IndicatorResult { indicator definition groupBy total { ...DashboardCell } cells { ...DashboardCell } }
query Dashboard($filter: IndicatorFilter) {
  indicators(filter: $filter) {
    referrals { ...DashboardResult }
    takingsInCharge { ...DashboardResult }
    closures { ...DashboardResult }
    openCaseload { ...DashboardResult }
    daysToTakeChargeMedian { ...DashboardResult }
    positiveOutcomes { ...DashboardResult }
    employmentOutcomeShare { ...DashboardResult }
    referralsByMonth: referrals(groupBy: [MONTH]) { ...DashboardResult }
    openCaseloadByTable: openCaseload(groupBy: [TABLE]) { ...DashboardResult }
  }
}`

// The writes, as the case page's action forms send them (actions/forms),
// with the case's new version asked back.
const addNoteDoc = `mutation CaseActionsAddNote($id: ID!, $text: String!) { addNote(id: $id, text: $text) { id kind occurredAt note } }`

const addGoalDoc = `mutation CaseActionsAddGoal($id: ID!, $version: Int!, $input: GoalInput!) {
  addGoal(id: $id, version: $version, input: $input) { id area description dueOn status plan { id case { id version } } }
}`

const addInterventionDoc = `mutation CaseActionsAddIntervention($id: ID!, $version: Int!, $input: InterventionInput!) {
  addIntervention(id: $id, version: $version, input: $input) { id kind status startsOn endsOn costCents case { id version } fund { id use { committedCents spentCents availableCents } } }
}`

// The choices the forms offer: funds with what is left, providers.
const fundsDoc = `query CaseActionsFunds {
  funds(first: 100, orderBy: [{field: YEAR, direction: DESC}, {field: NAME, direction: ASC}]) {
    edges { node { id name year municipality { id name } use { committedCents spentCents availableCents } } }
  }
}`

const organizationsDoc = `query CaseActionsOrganizations { organizations(first: 100, orderBy: {field: NAME, direction: ASC}) { edges { node { id name } } } }`
