package pathway

import (
	"context"
	"fmt"
	"strings"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/assessment"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/tablemembership"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/ent/user"
)

// StartAssessment moves a referral to UNDER_ASSESSMENT on the first
// meeting with the person; the plan falls due the table's days later.
func StartAssessment(ctx context.Context, id gid.ID, version int, firstMeetingOn *domain.Date) (*ent.CaseFile, error) {
	s, err := begin(ctx, domain.ActionStartAssessment, id, &version)
	if err != nil {
		return nil, err
	}
	met := dateOr(firstMeetingOn)
	if err := notFuture("firstMeetingOn", met); err != nil {
		return nil, err
	}
	err = s.save(func(u *ent.CaseFileUpdateOne) {
		u.SetFirstMeetingOn(met).
			SetPlanDueOn(met.AddDays(s.table.DaysToPlan))
	})
	if err != nil {
		return nil, err
	}
	return s.c, s.record(caseevent.KindAssessmentStarted, "")
}

// RecordPreliminaryAssessment records the analysis of needs and
// resources by area that every assessment starts with.
func RecordPreliminaryAssessment(ctx context.Context, id gid.ID, version int, in AssessmentInput) (*ent.CaseFile, error) {
	s, err := begin(ctx, domain.ActionRecordPreliminaryAssessment, id, &version)
	if err != nil {
		return nil, err
	}
	if len(in.TeamIDs) > 0 {
		return nil, fault.Invalidf("teamIDs", "the team is named by the in-depth analysis, not the preliminary one")
	}
	create, err := s.assessment(assessment.LevelPreliminary, in)
	if err != nil {
		return nil, err
	}
	create.SetComplexNeeds(domain.Deref(in.ComplexNeeds))
	if err := s.save(nil); err != nil {
		return nil, err
	}
	if err := create.Exec(s.Sys); err != nil {
		return nil, err
	}
	return s.c, s.record(caseevent.KindAssessmentRecorded, "", func(e *ent.CaseEventCreate) {
		e.SetAssessmentLevel(caseevent.AssessmentLevelPreliminary)
	})
}

// RecordInDepthAssessment records the in-depth analysis of complex needs
// and adds the professionals it names to the case's team.
func RecordInDepthAssessment(ctx context.Context, id gid.ID, version int, in AssessmentInput) (*ent.CaseFile, error) {
	s, err := begin(ctx, domain.ActionRecordInDepthAssessment, id, &version)
	if err != nil {
		return nil, err
	}
	if in.ComplexNeeds != nil {
		return nil, fault.Invalidf("complexNeeds", "is said by the preliminary analysis, not the in-depth one")
	}
	if len(in.TeamIDs) == 0 {
		return nil, fault.Invalidf("teamIDs", "name at least one professional of the table who joins the case's team")
	}
	for _, uid := range in.TeamIDs {
		if err := s.memberOfTable("teamIDs", uid); err != nil {
			return nil, err
		}
	}
	create, err := s.assessment(assessment.LevelInDepth, in)
	if err != nil {
		return nil, err
	}
	if err := s.save(func(u *ent.CaseFileUpdateOne) {
		u.RemoveTeamIDs(in.TeamIDs...).AddTeamIDs(in.TeamIDs...)
	}); err != nil {
		return nil, err
	}
	if err := create.Exec(s.Sys); err != nil {
		return nil, err
	}
	return s.c, s.record(caseevent.KindAssessmentRecorded, "", func(e *ent.CaseEventCreate) {
		e.SetAssessmentLevel(caseevent.AssessmentLevelInDepth)
	})
}

// assessment checks an analysis and prepares it for writing.
func (s *step) assessment(level assessment.Level, in AssessmentInput) (*ent.AssessmentCreate, error) {
	if err := required("summary", in.Summary); err != nil {
		return nil, err
	}
	if len(in.Findings) == 0 {
		return nil, fault.Invalidf("findings", "give the needs and resources of at least one area")
	}
	seen := map[domain.NeedArea]bool{}
	findings := make([]domain.AreaFinding, len(in.Findings))
	for i, f := range in.Findings {
		if seen[f.Area] {
			return nil, fault.Invalidf("findings", "the area %s is given twice", f.Area)
		}
		seen[f.Area] = true
		findings[i] = *f
	}
	on := dateOr(in.AssessedOn)
	if err := notFuture("assessedOn", on); err != nil {
		return nil, err
	}
	if s.c.FirstMeetingOn != nil && on.Before(*s.c.FirstMeetingOn) {
		return nil, fault.Invalidf("assessedOn", "must not be before the first meeting, %s", s.c.FirstMeetingOn.Italian())
	}
	return s.Client.Assessment.Create().SetCaseID(s.c.ID).SetLevel(level).SetFindings(findings).
		SetSummary(strings.TrimSpace(in.Summary)).SetAssessedOn(on).SetAssessorID(s.Viewer.UserID), nil
}

// needsPreliminary refuses a step that needs the preliminary analysis
// before it has been recorded: a precondition of domain.CaseSteps.
func (s *step) needsPreliminary() error {
	done, err := s.Client.Assessment.Query().
		Where(assessment.HasCaseWith(casefile.ID(s.c.ID)), assessment.LevelEQ(assessment.LevelPreliminary)).Exist(s.Sys)
	if err == nil && !done {
		err = block(domain.BlockNoPreliminary, fault.Invalidf("status", "record the preliminary analysis of case %s first", s.c.Code))
	}
	return err
}

// memberOfTable refuses a user who does not sit at the case's table.
func (s *step) memberOfTable(field string, id gid.ID) error {
	member, err := s.Client.TableMembership.Query().Where(
		tablemembership.HasTableWith(territorialtable.ID(s.table.ID)),
		tablemembership.HasUserWith(user.ID(id), user.Disabled(false)),
	).Exist(s.Sys)
	if err == nil && !member {
		err = fault.Invalidf(field, "%s is not an active member of table %s", id, s.table.Name)
	}
	return err
}

// DeclineReferral refuses a referral; the referrer finds it in their
// agenda.
func DeclineReferral(ctx context.Context, id gid.ID, version int, reason string) (*ent.CaseFile, error) {
	s, err := begin(ctx, domain.ActionDeclineReferral, id, &version)
	if err != nil {
		return nil, err
	}
	if err := required("reason", reason); err != nil {
		return nil, err
	}
	err = s.save(func(u *ent.CaseFileUpdateOne) {
		u.SetDeclineReason(strings.TrimSpace(reason)).SetClosedOn(domain.Today()).
			ClearTransferTo().ClearTransferReason().ClearTransferRequestedAt()
	})
	if err != nil {
		return nil, err
	}
	return s.c, s.record(caseevent.KindDeclined, reason)
}

// TakeCharge takes charge of an assessed case with a case manager from
// the table and a plan of at least one goal.
func TakeCharge(ctx context.Context, id gid.ID, version int, managerID gid.ID, plan PlanInput) (*ent.CaseFile, error) {
	s, err := begin(ctx, domain.ActionTakeCharge, id, &version)
	if err != nil {
		return nil, err
	}
	if err := s.memberOfTable("caseManagerID", managerID); err != nil {
		return nil, err
	}
	if len(plan.Goals) == 0 {
		return nil, fault.Invalidf("plan.goals", "a plan needs at least one goal")
	}
	agreed := dateOr(plan.AgreedOn)
	if err := notFuture("plan.agreedOn", agreed); err != nil {
		return nil, err
	}
	if agreed.Before(s.c.ReferredOn) {
		return nil, fault.Invalidf("plan.agreedOn", "must not be before the referral, %s", s.c.ReferredOn.Italian())
	}
	if plan.ReviewOn != nil && plan.ReviewOn.Before(agreed) {
		return nil, fault.Invalidf("plan.reviewOn", "must not be before the plan is agreed")
	}
	for i, g := range plan.Goals {
		if err := checkGoal(fmt.Sprintf("plan.goals[%d]", i), g); err != nil {
			return nil, err
		}
	}
	for i, c := range plan.Commitments {
		if err := checkCommitment(fmt.Sprintf("plan.commitments[%d]", i), c); err != nil {
			return nil, err
		}
	}
	err = s.save(func(u *ent.CaseFileUpdateOne) {
		u.SetCaseManagerID(managerID).SetTakenInChargeOn(agreed)
	})
	if err != nil {
		return nil, err
	}
	p, err := s.Client.Plan.Create().SetCaseID(s.c.ID).SetSummary(strings.TrimSpace(domain.Deref(plan.Summary))).
		SetAgreedOn(agreed).SetNillableReviewOn(plan.ReviewOn).Save(s.Sys)
	if err != nil {
		return nil, err
	}
	for _, g := range plan.Goals {
		if err := goalCreate(s.Client, p.ID, g).Exec(s.Sys); err != nil {
			return nil, err
		}
	}
	for _, c := range plan.Commitments {
		if err := commitmentCreate(s.Client, p.ID, c).Exec(s.Sys); err != nil {
			return nil, err
		}
	}
	return s.c, s.record(caseevent.KindTakenInCharge, "", func(e *ent.CaseEventCreate) {
		e.SetAssigneeID(managerID)
	})
}

// AssignCaseManager names a new case manager from the table's members.
func AssignCaseManager(ctx context.Context, id gid.ID, version int, managerID gid.ID) (*ent.CaseFile, error) {
	s, err := begin(ctx, domain.ActionAssignCaseManager, id, &version)
	if err != nil {
		return nil, err
	}
	if err := s.memberOfTable("caseManagerID", managerID); err != nil {
		return nil, err
	}
	if err := s.save(func(u *ent.CaseFileUpdateOne) { u.SetCaseManagerID(managerID) }); err != nil {
		return nil, err
	}
	return s.c, s.record(caseevent.KindCaseManagerAssigned, "", func(e *ent.CaseEventCreate) {
		e.SetAssigneeID(managerID)
	})
}
