package governance

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/directive"
	"github.com/progetto-win/win/ent/directiveacknowledgement"
	"github.com/progetto-win/win/ent/meeting"
	"github.com/progetto-win/win/ent/predicate"
	"github.com/progetto-win/win/ent/territorialtable"
	"github.com/progetto-win/win/server/outbox"
)

// IssueDirective records a directive of the committee to all or some
// tables.
func IssueDirective(ctx context.Context, in DirectiveInput) (*ent.Directive, error) {
	a, err := begin(ctx, domain.RoleSteering)
	if err != nil {
		return nil, err
	}
	all := domain.Deref(in.AllTables)
	switch {
	case strings.TrimSpace(in.Title) == "":
		return nil, fault.Invalidf("title", "is required")
	case strings.TrimSpace(in.Body) == "":
		return nil, fault.Invalidf("body", "is required")
	case all && len(in.TableIDs) > 0:
		return nil, fault.Invalidf("tableIDs", "give tables, or allTables, not both")
	case !all && len(in.TableIDs) == 0:
		return nil, fault.Invalidf("tableIDs", "name the tables it is addressed to, or set allTables")
	}
	if n, err := a.Client.TerritorialTable.Query().Where(territorialtable.IDIn(in.TableIDs...)).Count(a.Sys); err != nil {
		return nil, err
	} else if n != len(slices.Compact(slices.Sorted(slices.Values(in.TableIDs)))) {
		return nil, fault.Invalidf("tableIDs", "name existing tables, once each")
	}
	issued := domain.DateOr(in.IssuedOn, domain.Today())
	if issued.After(domain.Today()) {
		return nil, fault.Invalidf("issuedOn", "must not be in the future")
	}
	if in.DueOn.Before(issued) {
		return nil, fault.Invalidf("dueOn", "must not be before the directive is issued, on %s", issued.Italian())
	}
	d, err := a.Client.Directive.Create().SetTitle(strings.TrimSpace(in.Title)).SetBody(strings.TrimSpace(in.Body)).
		SetIssuedOn(issued).SetDueOn(in.DueOn).SetNillableLevel(in.Level).SetAllTables(all).AddTableIDs(in.TableIDs...).Save(a.Sys)
	if err != nil {
		return nil, err
	}
	// The addressed tables' coordinators hear of it (server/outbox).
	if err := outbox.Write(a.Ctx, a.Client, outbox.Event{Kind: domain.EventDirectiveIssued, Actor: a.Viewer.UserID, Directive: d.ID}); err != nil {
		return nil, err
	}
	return d, a.Audit("ISSUE_DIRECTIVE", "Directive", d.ID)
}

// addressedTo selects the directives addressed to a table.
func addressedTo(tables ...gid.ID) predicate.Directive {
	return directive.Or(directive.AllTables(true), directive.HasTablesWith(territorialtable.IDIn(tables...)))
}

// AcknowledgeDirective records that a table took note of a directive
// addressed to it; its coordinator acknowledges, once.
func AcknowledgeDirective(ctx context.Context, id, tableID gid.ID, note *string) (*ent.DirectiveAcknowledgement, error) {
	a, err := begin(ctx)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(a.Viewer.Coordinates, tableID) {
		return nil, &fault.Forbidden{Message: "only the table's coordinator acknowledges a directive for it"}
	}
	ok, err := a.Client.Directive.Query().Where(directive.ID(id), addressedTo(tableID)).Exist(a.Ctx)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fault.Invalidf("tableID", "the directive is not addressed to this table")
	}
	done, err := a.Client.DirectiveAcknowledgement.Query().Where(
		directiveacknowledgement.HasDirectiveWith(directive.ID(id)),
		directiveacknowledgement.HasTableWith(territorialtable.ID(tableID))).Exist(a.Sys)
	if err != nil {
		return nil, err
	}
	if done {
		return nil, &fault.Conflict{Message: "the table has already acknowledged this directive"}
	}
	ack, err := a.Client.DirectiveAcknowledgement.Create().SetDirectiveID(id).SetTableID(tableID).
		SetAcknowledgedAt(time.Now()).SetAcknowledgedByID(a.Viewer.UserID).SetNote(strings.TrimSpace(domain.Deref(note))).Save(a.Sys)
	if err != nil {
		return nil, err
	}
	return ack, a.Audit("ACKNOWLEDGE_DIRECTIVE", "Directive", id)
}

// Unacknowledged selects the directives addressed to any of the tables
// that one of them has not acknowledged yet.
func Unacknowledged(tables []gid.ID) predicate.Directive {
	var each []predicate.Directive
	for _, t := range tables {
		each = append(each, directive.And(addressedTo(t),
			directive.Not(directive.HasAcknowledgementsWith(directiveacknowledgement.HasTableWith(territorialtable.ID(t))))))
	}
	if len(each) == 0 {
		return directive.IDIn() // nothing
	}
	return directive.Or(each...)
}

// RecordMeeting records a meeting with its attendees, minutes and
// decisions: of the committee by its members, of a table by its
// coordinator. A decision may name a case of that table by reference;
// minutes and decisions never carry a tax code (the schema's hooks).
func RecordMeeting(ctx context.Context, in MeetingInput) (*ent.Meeting, error) {
	a, err := begin(ctx)
	if err != nil {
		return nil, err
	}
	switch in.Body {
	case meeting.BodySteeringCommittee:
		if !a.Viewer.Has(domain.RoleSteering) {
			return nil, &fault.Forbidden{Message: "only the steering committee records its meetings"}
		}
		if in.TableID != nil {
			return nil, fault.Invalidf("tableID", "a committee meeting has no table")
		}
	default:
		if in.TableID == nil {
			return nil, fault.Invalidf("tableID", "name the table that met")
		}
		if !slices.Contains(a.Viewer.Coordinates, *in.TableID) {
			return nil, &fault.Forbidden{Message: "only the table's coordinator records its meetings"}
		}
	}
	if strings.TrimSpace(in.Title) == "" {
		return nil, fault.Invalidf("title", "is required")
	}
	if in.HeldAt.After(time.Now()) {
		return nil, fault.Invalidf("heldAt", "record a meeting once it is held")
	}
	m, err := a.Client.Meeting.Create().SetBody(in.Body).SetNillableTableID(in.TableID).SetHeldAt(in.HeldAt).
		SetTitle(strings.TrimSpace(in.Title)).SetMinutes(strings.TrimSpace(domain.Deref(in.Minutes))).AddAttendeeIDs(in.AttendeeIDs...).Save(a.Sys)
	if err != nil {
		return nil, err
	}
	for _, d := range in.Decisions {
		if strings.TrimSpace(d.Text) == "" {
			return nil, fault.Invalidf("decisions.text", "is required")
		}
		if d.CaseID != nil {
			// The case must be one the viewer sees, and of the table that met.
			q := a.Client.CaseFile.Query().Where(casefile.ID(*d.CaseID))
			if in.TableID != nil {
				q.Where(casefile.HasTableWith(territorialtable.ID(*in.TableID)))
			}
			if ok, err := q.Exist(a.Ctx); err != nil {
				return nil, err
			} else if !ok {
				return nil, fault.Invalidf("decisions.caseID", "no case of this table has that ID")
			}
		}
		if d.Level != nil && in.Body != meeting.BodySteeringCommittee {
			return nil, fault.Invalidf("decisions.level", "levels are of the committee's work; a table's decision has none")
		}
		err := a.Client.Decision.Create().SetMeetingID(m.ID).SetText(strings.TrimSpace(d.Text)).SetNillableLevel(d.Level).
			SetNillableDirectiveID(d.DirectiveID).SetNillableProtocolID(d.ProtocolID).SetNillableCaseID(d.CaseID).Exec(a.Sys)
		if err != nil {
			return nil, err
		}
	}
	return m, a.Audit("RECORD_MEETING", "Meeting", m.ID)
}
