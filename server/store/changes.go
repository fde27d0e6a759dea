package store

import (
	"context"
	"slices"
	"sync/atomic"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/apitoken"
	"github.com/progetto-win/win/ent/approval"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/caseevent"
	"github.com/progetto-win/win/ent/committeemember"
	"github.com/progetto-win/win/ent/consent"
	"github.com/progetto-win/win/ent/document"
	"github.com/progetto-win/win/ent/documentcontent"
	"github.com/progetto-win/win/ent/fundamendment"
	"github.com/progetto-win/win/ent/hook"
	"github.com/progetto-win/win/ent/notification"
	"github.com/progetto-win/win/ent/notificationpreference"
	"github.com/progetto-win/win/ent/outboxevent"
	"github.com/progetto-win/win/ent/outgoingmail"
	"github.com/progetto-win/win/ent/pactamendment"
	"github.com/progetto-win/win/ent/pactsignatory"
	"github.com/progetto-win/win/ent/passwordtoken"
	"github.com/progetto-win/win/ent/personmerge"
	"github.com/progetto-win/win/ent/schema"
	"github.com/progetto-win/win/ent/session"
	"github.com/progetto-win/win/ent/webhook"
	"github.com/progetto-win/win/ent/webhookdelivery"
)

// dataRevision counts the changes this process makes to the network's
// data: what a cache of results computed from it (the indicators') must
// not have missed. Other processes' changes are heard from PostgreSQL
// (migration indicator_data, Heard.Listen).
var dataRevision atomic.Uint64

// DataRevision returns the number of changes to the data so far.
func DataRevision() uint64 { return dataRevision.Load() }

// DataChanged records a change to the data made without ent's mutations,
// such as the demo loader's COPY, once it is committed.
func DataChanged() { dataRevision.Add(1) }

// NotDataTables are the tables whose changes are no change to the data:
// sessions, tokens and the audit trail, written by reads and sign-ins,
// the cases' timelines, the bases of the uses of persons' data, the
// approvals of proposals, the documents attached to records and the
// records of merged persons (the cases a merge moves count as theirs),
// the history of funds' amounts (the fund's own row changes with it),
// the pact's signatories and amendments and the committee's seats,
// which no aggregate reads (the indicators' tests check their SQL names
// none of them), and what leaves WIN (the outbox, notifications, mail,
// webhooks, password links). Every other table's changes
// count, in this process (dataChanges) and in the others (the triggers
// of migration indicator_data, checked against ent's tables by
// TestDataTriggers).
var NotDataTables = []string{session.Table, apitoken.Table, auditevent.Table, caseevent.Table, consent.Table, approval.Table,
	document.Table, documentcontent.Table, personmerge.Table, fundamendment.Table, pactsignatory.Table, pactamendment.Table, committeemember.Table, outboxevent.Table, notification.Table, notificationpreference.Table, outgoingmail.Table, passwordtoken.Table,
	webhook.Table, webhookdelivery.Table}

// notData are the ent types of NotDataTables.
var notData = []string{ent.TypeSession, ent.TypeAPIToken, ent.TypeAuditEvent, ent.TypeCaseEvent, ent.TypeConsent, ent.TypeApproval,
	ent.TypeDocument, ent.TypeDocumentContent, ent.TypePersonMerge, ent.TypeFundAmendment, ent.TypePactSignatory, ent.TypePactAmendment, ent.TypeCommitteeMember, ent.TypeOutboxEvent, ent.TypeNotification, ent.TypeNotificationPreference, ent.TypeOutgoingMail, ent.TypePasswordToken,
	ent.TypeWebhook, ent.TypeWebhookDelivery}

// dataChanges counts a change to the data before it is made, and again
// once it is committed (schema.Announce).
var dataChanges = hook.If(schema.Announce(DataChanged), func(_ context.Context, m ent.Mutation) bool {
	return !slices.Contains(notData, m.Type())
})
