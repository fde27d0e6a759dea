package rule

import (
	"context"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/consent"
	"github.com/progetto-win/win/ent/document"
	"github.com/progetto-win/win/ent/monitoringmeeting"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/predicate"
	"github.com/progetto-win/win/ent/privacy"
)

// IdentifyingKinds are the documents that identify the person as their
// identity does: read only by those who read it (ReadableIdentities).
var IdentifyingKinds = []document.Kind{document.KindIDENTITY_DOCUMENT, document.KindCONSENT_FORM}

// ScopeDocuments narrows queries of documents to ReadableDocuments.
func ScopeDocuments() privacy.QueryRule {
	return privacy.DocumentQueryRuleFunc(func(ctx context.Context, q *ent.DocumentQuery) error {
		v := viewer.FromContext(ctx)
		if v == nil {
			return denyUnauthenticated
		}
		q.Where(ReadableDocuments(v))
		return privacy.Skip
	})
}

// ReadableDocuments is the predicate of the documents a viewer may read:
// those of the objects they read. A protocol commitment's evidence is
// and a table's evidence of carrying out a directive are read by every
// signed-in user, as the commitment and the directive are; a meeting's
// documents as the meeting (meetingsOf). The documents of a case, of its
// monitoring meetings and of its person's consent records are read by
// those who work or referred the case — never by the committee and
// analysts, who read cases pseudonymised and a file cannot be — and, for
// the identifying kinds, only by those who also read the identity.
func ReadableDocuments(v *viewer.Viewer) predicate.Document {
	meetings := document.HasMeeting()
	if !v.Has(domain.RoleSteering) {
		meetings = document.HasMeetingWith(meetingsOf(v))
	}
	governance := []predicate.Document{document.HasCommitment(), document.HasDirectiveProgress(), meetings}
	if seesAllCases(v) {
		return document.Or(governance...)
	}
	cases := visibleCases(v)
	ofCase := document.Or(
		document.HasCaseWith(cases),
		document.HasMonitoringMeetingWith(monitoringmeeting.HasCaseWith(cases)),
		document.HasConsentWith(consent.HasPersonWith(person.HasCasesWith(cases))),
	)
	identity := person.HasIdentityWith(ReadableIdentities(v))
	identityRead := document.Or(
		document.HasCaseWith(casefile.HasPersonWith(identity)),
		document.HasMonitoringMeetingWith(monitoringmeeting.HasCaseWith(casefile.HasPersonWith(identity))),
		document.HasConsentWith(consent.HasPersonWith(identity)),
	)
	return document.Or(append(governance,
		document.And(ofCase, document.Or(document.KindNotIn(IdentifyingKinds...), identityRead)))...)
}
