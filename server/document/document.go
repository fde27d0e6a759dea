// Package document attaches files to cases, monitoring meetings,
// protocol commitments, meetings and consent records, and gives them back
// to whoever may read the object (docs/documents.md): each file's type is
// checked in its content, its size bounded, its SHA-256 kept; its record
// and its bytes are written in one transaction; a removal is recorded,
// not silent, and erases the bytes, as erasing the person's identity does.
package document

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/consent"
	"github.com/progetto-win/win/ent/directiveacknowledgement"
	"github.com/progetto-win/win/ent/document"
	"github.com/progetto-win/win/ent/meeting"
	"github.com/progetto-win/win/ent/monitoringmeeting"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/ent/personidentity"
	"github.com/progetto-win/win/ent/predicate"
	"github.com/progetto-win/win/ent/protocolcommitment"
	"github.com/progetto-win/win/ent/schema/rule"
	"github.com/progetto-win/win/server/action"
)

// DefaultMaxBytes bounds a file: 10 MiB, a scanned signed plan many times
// over.
const DefaultMaxBytes = 10 << 20

// Service is where documents' bytes go and how large a file may be.
type Service struct {
	Store    Store
	MaxBytes int64
}

// Default keeps the bytes in the database, 10 MiB a file at most.
func Default() *Service { return &Service{Store: Database{}, MaxBytes: DefaultMaxBytes} }

type contextKey struct{}

// NewContext carries the service to the resolvers and services of a
// request.
func NewContext(ctx context.Context, s *Service) context.Context {
	return context.WithValue(ctx, contextKey{}, s)
}

// From returns the service of the context, or Default.
func From(ctx context.Context) *Service {
	if s, ok := ctx.Value(contextKey{}).(*Service); ok && s != nil {
		return s
	}
	return Default()
}

// Upload is a file to attach.
type Upload struct {
	Kind       document.Kind
	AttachedTo gid.ID // a case, monitoring meeting, protocol commitment, meeting or consent record
	FileName   string
	Content    io.Reader
}

// kindsFor are the kinds of document each object takes, by its ID's
// prefix.
var kindsFor = map[string][]document.Kind{
	"cas": {document.KindSIGNED_PLAN, document.KindCONSENT_FORM, document.KindIDENTITY_DOCUMENT, document.KindEVIDENCE, document.KindOTHER},
	"mon": {document.KindSIGNED_PLAN, document.KindEVIDENCE, document.KindOTHER},
	"pcm": {document.KindEVIDENCE, document.KindOTHER},
	"mtg": {document.KindMINUTES, document.KindOTHER},
	"cns": {document.KindCONSENT_FORM},
	"dak": {document.KindEVIDENCE, document.KindOTHER},
}

// attachable says what takes documents, for errors.
const attachable = "attach documents to a case, a monitoring meeting, a protocol commitment, a meeting, a consent record or a table's implementation of a directive"

// target is the object a document is attached to, as the viewer may
// write it.
type target struct {
	id     gid.ID
	person gid.ID // the person it is about, if any
}

// Attach stores a file on an object, for a viewer who may write its
// documents (mayWrite).
func (s *Service) Attach(ctx context.Context, in Upload) (*ent.Document, error) {
	a, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	kinds, ok := kindsFor[in.AttachedTo.Prefix()]
	if !ok {
		return nil, fault.Invalidf("attachedToID", attachable)
	}
	t, err := mayWrite(a, in.AttachedTo)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(kinds, in.Kind) {
		return nil, fault.Invalidf("kind", "a %s is not attached to this object: it takes %s", in.Kind, kindList(kinds))
	}
	if slices.Contains(rule.IdentifyingKinds, in.Kind) {
		if err := identityRead(a, t); err != nil {
			return nil, err
		}
	}
	content, err := io.ReadAll(io.LimitReader(in.Content, s.MaxBytes+1))
	if err != nil {
		return nil, fault.Invalidf("file", "could not be read: send it again")
	}
	switch {
	case len(content) == 0:
		return nil, fault.Invalidf("file", "is empty")
	case int64(len(content)) > s.MaxBytes:
		return nil, fault.Invalidf("file", "is larger than %s, the most a document may be", Size(s.MaxBytes))
	}
	media, found := mediaType(content)
	if media == "" {
		return nil, fault.Invalidf("file", "is %s, which is not accepted: send %s", found, AcceptedTypes)
	}
	sum := sha256.Sum256(content)
	hash := hex.EncodeToString(sum[:])
	twice, err := a.Client.Document.Query().Where(document.Sha256(hash), document.RemovedAtIsNil(), on(t.id)).First(a.Sys)
	if err != nil && !ent.IsNotFound(err) {
		return nil, err
	}
	if twice != nil {
		return nil, &fault.Conflict{Message: fmt.Sprintf("this file is already attached, as %q uploaded on %s", twice.FileName, domain.DayOf(twice.CreatedAt).Italian())}
	}
	create := a.Client.Document.Create().SetKind(in.Kind).SetFileName(fileName(in.FileName)).SetMediaType(media).
		SetSize(int64(len(content))).SetSha256(hash).SetUploadedByID(a.Viewer.UserID)
	switch in.AttachedTo.Prefix() {
	case "cas":
		create.SetCaseID(t.id)
	case "mon":
		create.SetMonitoringMeetingID(t.id)
	case "pcm":
		create.SetCommitmentID(t.id)
	case "mtg":
		create.SetMeetingID(t.id)
	case "cns":
		create.SetConsentID(t.id)
	case "dak":
		create.SetDirectiveProgressID(t.id)
	}
	d, err := create.Save(a.Sys)
	if err != nil {
		return nil, err
	}
	if err := s.Store.Put(a.Sys, a.Client, d.ID, content); err != nil {
		return nil, err
	}
	return d, a.Audit("ATTACH_DOCUMENT", "Document", d.ID)
}

// Remove records a document's removal — who, when, why — and erases its
// bytes, for a viewer who may write the object's documents.
func (s *Service) Remove(ctx context.Context, id gid.ID, reason string) (*ent.Document, error) {
	a, err := action.Start(ctx)
	if err != nil {
		return nil, err
	}
	d, err := a.Client.Document.Query().Where(document.ID(id)).Only(a.Ctx)
	if err != nil {
		return nil, err // NOT_FOUND for a document the viewer does not read
	}
	owner, err := attachedTo(a.Sys, a.Client, d.ID)
	if err != nil {
		return nil, err
	}
	if _, err := mayWrite(a, owner); err != nil {
		return nil, err
	}
	if d.RemovedAt != nil {
		return nil, &fault.Conflict{Message: "this document was already removed on " + domain.DayOf(*d.RemovedAt).Italian()}
	}
	if strings.TrimSpace(reason) == "" {
		return nil, fault.Invalidf("reason", "say why the document is removed")
	}
	now := time.Now()
	if d, err = d.Update().SetRemovedAt(now).SetRemovedByID(a.Viewer.UserID).SetRemovalReason(strings.TrimSpace(reason)).
		SetErasedAt(now).Save(a.Sys); err != nil {
		return nil, err
	}
	if err := s.Store.Erase(a.Sys, a.Client, d.ID); err != nil {
		return nil, err
	}
	return d, a.Audit("REMOVE_DOCUMENT", "Document", d.ID)
}

// DownloadPath is the address of a document's content, under the API's
// origin (server/web serves it).
func DownloadPath(id gid.ID) string { return "/download/documents/" + string(id) }

// ErrGone is the answer to a download of a document removed, or whose
// bytes were erased.
var ErrGone = &fault.Conflict{Message: "this document's content was erased: it was removed, or the person's identity was erased"}

// Open returns a document the viewer may read and its bytes, and records
// the download in the audit log.
func (s *Service) Open(ctx context.Context, id gid.ID) (*ent.Document, []byte, error) {
	a, err := action.Start(ctx)
	if err != nil {
		return nil, nil, err
	}
	d, err := a.Client.Document.Query().Where(document.ID(id)).Only(a.Ctx)
	if err != nil {
		return nil, nil, err // NOT_FOUND for a document the viewer does not read
	}
	if d.ErasedAt != nil {
		return nil, nil, ErrGone
	}
	content, err := s.Store.Get(a.Sys, a.Client, d.ID)
	if err == ErrNoContent {
		return nil, nil, ErrGone
	}
	if err != nil {
		return nil, nil, err
	}
	return d, content, a.Audit("DOWNLOAD_DOCUMENT", "Document", d.ID)
}

// OfPersons is the predicate of every document about the persons: of
// their cases, of those cases' monitoring meetings, of their consent
// records.
func OfPersons(whose predicate.Person) predicate.Document {
	return document.Or(
		document.HasCaseWith(casefile.HasPersonWith(whose)),
		document.HasMonitoringMeetingWith(monitoringmeeting.HasCaseWith(casefile.HasPersonWith(whose))),
		document.HasConsentWith(consent.HasPersonWith(whose)),
	)
}

// EraseContents erases the bytes of the documents matched, in tx, and
// records when; the documents' records stay. It returns their IDs.
func (s *Service) EraseContents(ctx context.Context, tx *ent.Client, which predicate.Document) ([]gid.ID, error) {
	sys := rule.SystemContext(ctx)
	ids, err := tx.Document.Query().Where(which, document.ErasedAtIsNil()).IDs(sys)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	if err := tx.Document.Update().Where(document.IDIn(ids...)).SetErasedAt(time.Now()).Exec(sys); err != nil {
		return nil, err
	}
	return ids, s.Store.Erase(sys, tx, ids...)
}

// on is the predicate of the documents attached to an object.
func on(id gid.ID) predicate.Document {
	switch id.Prefix() {
	case "cas":
		return document.HasCaseWith(casefile.ID(id))
	case "mon":
		return document.HasMonitoringMeetingWith(monitoringmeeting.ID(id))
	case "pcm":
		return document.HasCommitmentWith(protocolcommitment.ID(id))
	case "mtg":
		return document.HasMeetingWith(meeting.ID(id))
	case "dak":
		return document.HasDirectiveProgressWith(directiveacknowledgement.ID(id))
	}
	return document.HasConsentWith(consent.ID(id))
}

// attachedTo returns the ID of the object a document is attached to.
func attachedTo(ctx context.Context, client *ent.Client, id gid.ID) (gid.ID, error) {
	d, err := client.Document.Query().Where(document.ID(id)).
		WithCase().WithMonitoringMeeting().WithCommitment().WithMeeting().WithConsent().WithDirectiveProgress().Only(ctx)
	if err != nil {
		return "", err
	}
	switch e := d.Edges; {
	case e.Case != nil:
		return e.Case.ID, nil
	case e.MonitoringMeeting != nil:
		return e.MonitoringMeeting.ID, nil
	case e.Commitment != nil:
		return e.Commitment.ID, nil
	case e.Meeting != nil:
		return e.Meeting.ID, nil
	case e.Consent != nil:
		return e.Consent.ID, nil
	case e.DirectiveProgress != nil:
		return e.DirectiveProgress.ID, nil
	}
	return "", fmt.Errorf("document %s is attached to nothing", id)
}

// identityRead refuses an identifying document to a viewer who does not
// read the identity of the person the object is about.
func identityRead(a *action.Action, t target) error {
	refused := &fault.Forbidden{Message: "identity documents and consent forms are attached by those who read the person's identity: members of the table working the case"}
	if t.person == "" {
		return refused
	}
	ok, err := a.Client.PersonIdentity.Query().Where(personidentity.HasPersonWith(person.ID(t.person))).Exist(a.Ctx)
	if err == nil && !ok {
		err = refused
	}
	return err
}

// kindList names kinds for an error.
func kindList(kinds []document.Kind) string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// Size says a number of bytes in KiB or MiB.
func Size(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%g MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", n>>10)
}
