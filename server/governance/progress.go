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
	"github.com/progetto-win/win/ent/directive"
	"github.com/progetto-win/win/ent/directiveacknowledgement"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/ent/territorialtable"
)

// RecordDirectiveProgress records a step of a table carrying out a
// directive addressed to it: in progress, implemented with evidence, or
// not applicable with a reason. A table that had not acknowledged the
// directive acknowledges it by the same step. The schema's hook refuses a
// step back.
func RecordDirectiveProgress(ctx context.Context, id, tableID gid.ID, status directiveacknowledgement.Status, on *domain.Date, evidence, reason *string) (*ent.DirectiveAcknowledgement, error) {
	a, err := begin(ctx)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(a.Viewer.Coordinates, tableID) {
		return nil, &fault.Forbidden{Message: "only the table's coordinator records how it carries out a directive"}
	}
	d, err := a.Client.Directive.Query().Where(directive.ID(id), addressedTo(tableID)).Only(a.Ctx)
	if ent.IsNotFound(err) {
		return nil, fault.Invalidf("tableID", "the directive is not addressed to this table")
	} else if err != nil {
		return nil, err
	}
	day := domain.DateOr(on, domain.Today())
	ev, why := strings.TrimSpace(domain.Deref(evidence)), strings.TrimSpace(domain.Deref(reason))
	switch {
	case day.After(domain.Today()):
		return nil, fault.Invalidf("on", "must not be in the future")
	case day.Before(d.IssuedOn):
		return nil, fault.Invalidf("on", "must not be before the directive was issued, on %s", d.IssuedOn.Italian())
	case status == directiveacknowledgement.StatusAcknowledged:
		return nil, fault.Invalidf("status", "acknowledge a directive with acknowledgeDirective; record here the steps after it")
	case status == directiveacknowledgement.StatusImplemented && ev == "":
		return nil, fault.Invalidf("evidence", "say what the table did to implement it")
	case status == directiveacknowledgement.StatusNotApplicable && why == "":
		return nil, fault.Invalidf("reason", "say why the directive does not apply to the table")
	case status != directiveacknowledgement.StatusImplemented && ev != "":
		return nil, fault.Invalidf("evidence", "evidence is for an implemented directive")
	case status != directiveacknowledgement.StatusNotApplicable && why != "":
		return nil, fault.Invalidf("reason", "a reason is for a directive not applicable")
	}
	ack, err := a.Client.DirectiveAcknowledgement.Query().Where(
		directiveacknowledgement.HasDirectiveWith(directive.ID(id)),
		directiveacknowledgement.HasTableWith(territorialtable.ID(tableID))).Modify(rule.ForUpdate).Only(a.Sys)
	switch {
	case ent.IsNotFound(err): // acknowledged with the step, in one write
		ack, err = a.Client.DirectiveAcknowledgement.Create().SetDirectiveID(id).SetTableID(tableID).
			SetAcknowledgedAt(time.Now()).SetAcknowledgedByID(a.Viewer.UserID).
			SetStatus(status).SetStatusOn(day).SetEvidence(ev).SetReason(why).Save(a.Sys)
	case err != nil:
		return nil, err
	case ack.StatusOn != nil && day.Before(*ack.StatusOn):
		return nil, fault.Invalidf("on", "must not be before the table's last step, on %s", ack.StatusOn.Italian())
	default:
		ack, err = ack.Update().SetStatus(status).SetStatusOn(day).SetEvidence(ev).SetReason(why).Save(a.Sys)
	}
	if err != nil {
		return nil, err
	}
	return ack, a.Audit("RECORD_DIRECTIVE_PROGRESS", "Directive", id)
}

// Progress lists every table a directive is addressed to with where it
// stands, by table name. Late: the deadline passed before the table
// finished, or it finished after it.
func Progress(ctx context.Context, client *ent.Client, d *ent.Directive) ([]*DirectiveTableProgress, error) {
	q := client.TerritorialTable.Query().Order(territorialtable.ByName())
	if !d.AllTables {
		q.Where(territorialtable.HasDirectivesWith(directive.ID(d.ID)))
	}
	tables, err := q.All(ctx)
	if err != nil {
		return nil, err
	}
	acks, err := client.DirectiveAcknowledgement.Query().Where(directiveacknowledgement.HasDirectiveWith(directive.ID(d.ID))).
		WithTable().All(ctx)
	if err != nil {
		return nil, err
	}
	byTable := map[gid.ID]*ent.DirectiveAcknowledgement{}
	for _, ack := range acks {
		byTable[ack.Edges.Table.ID] = ack
	}
	today := domain.Today()
	out := make([]*DirectiveTableProgress, len(tables))
	for i, t := range tables {
		p := &DirectiveTableProgress{Table: t, Progress: byTable[t.ID]}
		p.Done = p.Progress != nil && slices.Contains(domain.DirectiveDone, string(p.Progress.Status))
		if d.DueOn != nil {
			if p.Done {
				p.Late = p.Progress.StatusOn != nil && p.Progress.StatusOn.After(*d.DueOn)
			} else {
				p.Late = today.After(*d.DueOn)
			}
		}
		out[i] = p
	}
	return out, nil
}
