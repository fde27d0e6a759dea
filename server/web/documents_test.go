package web_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/auditevent"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/consent"
	"github.com/progetto-win/win/ent/documentcontent"
	"github.com/progetto-win/win/ent/meeting"
	"github.com/progetto-win/win/ent/person"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/document"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/subject"
	"github.com/progetto-win/win/server/web"
	"github.com/progetto-win/win/server/webtest"
)

const (
	attachDocument = `mutation($kind: DocumentKind!, $to: ID!, $file: Upload!) { attachDocument(input: {kind: $kind, attachedToID: $to, file: $file}) {
		id kind fileName mediaType size sha256 downloadURL removedAt uploadedBy { id } case { id } } }`
	removeDocument = `mutation($id: ID!, $r: String!) { removeDocument(id: $id, reason: $r) { id removedAt removalReason erasedAt downloadURL removedBy { id } } }`
	readDocument   = `query($id: ID!) { node(id: $id) { ... on Document { id downloadURL } } }`
	caseDocuments  = `query($id: ID!) { node(id: $id) { ... on Case { documents(first: 10) { totalCount edges { node { id } } } } } }`
)

// attached is a document as attachDocument answers it.
type attached struct {
	ID          gid.ID
	Kind        string
	FileName    string
	MediaType   string
	Size        int
	Sha256      string
	DownloadURL *string
	RemovedAt   *string
	UploadedBy  *struct{ ID gid.ID }
}

// attach uploads a file to an object as a.
func attach(a *webtest.API, kind string, to gid.ID, name string, content []byte) webtest.Response {
	a.T.Helper()
	return a.Upload(attachDocument, map[string]any{"kind": kind, "to": to}, "file", name, content)
}

// mustAttach uploads a file that must be accepted.
func mustAttach(t *testing.T, a *webtest.API, kind string, to gid.ID, name string, content []byte) attached {
	t.Helper()
	r := attach(a, kind, to, name, content)
	if len(r.Errors) > 0 {
		t.Fatalf("attaching %s: %s", name, r.Raw)
	}
	var out struct{ AttachDocument attached }
	if err := json.Unmarshal(r.Data, &out); err != nil {
		t.Fatal(err)
	}
	return out.AttachDocument
}

// download fetches a document's content as a.
func download(a *webtest.API, id gid.ID) *httptest.ResponseRecorder {
	a.T.Helper()
	req := httptest.NewRequest(http.MethodGet, document.DownloadPath(id), nil)
	req.Header.Set("Sec-Fetch-Site", "same-origin") // a link of the app
	return a.Fetch(req)
}

// contentRows counts the bytes the database keeps for a document.
func contentRows(w *webtest.World, id gid.ID) int {
	return w.Client.DocumentContent.Query().Where(documentcontent.DocumentID(id)).CountX(w.Ctx)
}

// caseWithIdentity is a new Empoli case in the status whose person has an
// identity, which the test's referrer did not enter.
func caseWithIdentity(w *webtest.World, status casefile.Status) gid.ID {
	id, _ := w.CaseIn(status)
	first15 := fmt.Sprintf("BNCLRA80A41D%03d", 400+w.Seq)
	per := w.Client.CaseFile.Query().Where(casefile.ID(id)).QueryPerson().OnlyX(w.Ctx)
	w.Client.PersonIdentity.Create().SetPerson(per).SetFirstName("Laura").SetLastName("Bianchi").
		SetTaxCode(first15 + string(domain.TaxCodeCheckChar(first15))).SetBirthDate(webtest.Day(1980, 1, 1)).ExecX(w.Ctx)
	return id
}

// TestDocumentsOfACase: the case's table attaches a signed plan and
// downloads it as it was sent, as an attachment, audited; every other
// viewer — another table, the partner, the committee, an analyst,
// nobody — reaches it by no path; the same file twice, a file of another
// type or too large, a kind the case does not take are refused on their
// field; a removal is recorded and erases the bytes.
func TestDocumentsOfACase(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := webtest.NewWorld(t, db)
		caseID, _ := w.CaseIn(casefile.StatusInCharge)
		pdf := webtest.PDF("Progetto personalizzato firmato")
		d := mustAttach(t, w.Coord, "SIGNED_PLAN", caseID, `C:\Documenti\progetto firmato.pdf`, pdf)
		sum := sha256.Sum256(pdf)
		if d.Kind != "SIGNED_PLAN" || d.FileName != "progetto firmato.pdf" || d.MediaType != "application/pdf" || d.Size != len(pdf) ||
			d.Sha256 != hex.EncodeToString(sum[:]) || d.DownloadURL == nil || *d.DownloadURL != document.DownloadPath(d.ID) ||
			d.UploadedBy == nil || d.UploadedBy.ID != w.CoordID {
			t.Fatalf("attached %+v", d)
		}

		// The table's members download it, as sent, never shown inline.
		for _, member := range []*webtest.API{w.Coord, w.Op} {
			rec := download(member, d.ID)
			if rec.Code != http.StatusOK || !bytes.Equal(rec.Body.Bytes(), pdf) {
				t.Fatalf("a member downloading: %d, %d bytes", rec.Code, rec.Body.Len())
			}
			h := rec.Header()
			if h.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(h.Get("Content-Disposition"), "attachment;") ||
				!strings.Contains(h.Get("Content-Disposition"), "progetto firmato.pdf") || h.Get("X-Content-Type-Options") != "nosniff" ||
				!strings.Contains(h.Get("Content-Security-Policy"), "sandbox") || h.Get("Cache-Control") != "no-store" {
				t.Fatalf("download headers: %v", h)
			}
		}
		downloads := w.Client.AuditEvent.Query().Where(auditevent.Action("DOWNLOAD_DOCUMENT"), auditevent.EntityID(string(d.ID))).CountX(w.Ctx)
		attachedAudit := w.Client.AuditEvent.Query().Where(auditevent.Action("ATTACH_DOCUMENT"), auditevent.EntityID(string(d.ID))).CountX(w.Ctx)
		if downloads != 2 || attachedAudit != 1 {
			t.Fatalf("audited %d downloads and %d attachments, want 2 and 1", downloads, attachedAudit)
		}

		// Nobody else reaches it: not by download, node, nodes, nor the
		// case's documents (the committee and analysts read the case).
		steering, analyst := webtest.As(t, w.Base, demo.SteeringEmail), webtest.As(t, w.Base, demo.AnalystEmail)
		admin := webtest.As(t, w.Base, demo.AdminEmail)
		for name, other := range map[string]*webtest.API{"Vinci operator": w.Vinci, "partner": w.Partner, "committee": steering,
			"analyst": analyst, "administrator": admin} {
			if rec := download(other, d.ID); rec.Code != http.StatusNotFound || bytes.Contains(rec.Body.Bytes(), []byte("PDF")) {
				t.Errorf("%s downloading: %d %s", name, rec.Code, rec.Body.String())
			}
			for _, q := range []string{readDocument, `query($id: ID!) { nodes(ids: [$id]) { id } }`} {
				if r := other.Post(q, map[string]any{"id": d.ID}); r.Code() != "NOT_FOUND" || strings.Contains(string(r.Data), string(d.ID)) {
					t.Errorf("%s reads the document: %s", name, r.Raw)
				}
			}
			var list struct {
				Node *struct{ Documents struct{ TotalCount int } }
			}
			if r := other.Post(caseDocuments, map[string]any{"id": caseID}); r.Code() == "" {
				if err := json.Unmarshal(r.Data, &list); err != nil || list.Node.Documents.TotalCount != 0 {
					t.Errorf("%s counts the case's documents: %s", name, r.Raw)
				}
			} else if r.Code() != "NOT_FOUND" {
				t.Errorf("%s reading the case: %s", name, r.Raw)
			}
		}
		anonymous := &webtest.API{T: t, Handler: w.Base.Handler, Client: w.Client}
		if rec := download(anonymous, d.ID); rec.Code != http.StatusUnauthorized {
			t.Errorf("anonymous download: %d", rec.Code)
		}
		if rec := download(w.Coord, "doc_unknown"); rec.Code != http.StatusNotFound {
			t.Errorf("an unknown document: %d", rec.Code)
		}
		// Attaching is the table's: another table finds no case, the
		// committee may not write it.
		webtest.Refused(t, attach(w.Vinci, "EVIDENCE", caseID, "prova.pdf", webtest.PDF("Altro")), "NOT_FOUND", "")
		webtest.Refused(t, attach(steering, "EVIDENCE", caseID, "prova.pdf", webtest.PDF("Altro")), "FORBIDDEN", "")

		// Refusals, on their field, writing nothing.
		before := w.Client.Document.Query().CountX(w.Ctx)
		webtest.Refused(t, attach(w.Op, "SIGNED_PLAN", caseID, "copia.pdf", pdf), "CONFLICT", "")
		webtest.Refused(t, attach(w.Op, "MINUTES", caseID, "verbale.pdf", webtest.PDF("Verbale")), "BAD_USER_INPUT", "kind")
		for name, content := range map[string][]byte{
			"pagina.pdf":    []byte("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
			"disegno.pdf":   []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>`),
			"programma.pdf": append([]byte("MZ\x90\x00\x03"), bytes.Repeat([]byte{0}, 64)...),
			"vuoto.pdf":     {},
		} {
			webtest.Refused(t, attach(w.Op, "EVIDENCE", caseID, name, content), "BAD_USER_INPUT", "file")
		}
		if n := w.Client.Document.Query().CountX(w.Ctx); n != before {
			t.Fatalf("refused uploads wrote %d documents", n-before)
		}
		// Accepted types, by their content.
		for name, content := range map[string][]byte{
			"foto.png": {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0},
			"foto.jpg": {0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1},
			"note.txt": []byte("Colloquio del 3 marzo: la persona porterà il modulo firmato.\n"),
			"lettera":  webtest.PDF("Lettera senza estensione"),
		} {
			if r := attach(w.Op, "OTHER", caseID, name, content); len(r.Errors) > 0 {
				t.Errorf("%s refused: %s", name, r.Raw)
			}
		}

		// A removal says who, when, why; the bytes go.
		webtest.Refused(t, w.Op.Post(removeDocument, map[string]any{"id": d.ID, "r": " "}), "BAD_USER_INPUT", "reason")
		webtest.Refused(t, w.Vinci.Post(removeDocument, map[string]any{"id": d.ID, "r": "Errore"}), "NOT_FOUND", "")
		var removed struct {
			RemovedAt, RemovalReason, ErasedAt, DownloadURL *string
			RemovedBy                                       *struct{ ID gid.ID }
		}
		w.Op.Must(removeDocument, map[string]any{"id": d.ID, "r": "Caricato sul caso sbagliato"}, &removed)
		if removed.RemovedAt == nil || removed.ErasedAt == nil || removed.DownloadURL != nil || removed.RemovedBy == nil ||
			removed.RemovedBy.ID != w.OpID || *removed.RemovalReason != "Caricato sul caso sbagliato" {
			t.Fatalf("removed: %+v", removed)
		}
		if rec := download(w.Coord, d.ID); rec.Code != http.StatusGone {
			t.Errorf("downloading a removed document: %d", rec.Code)
		}
		if contentRows(w, d.ID) != 0 {
			t.Error("a removed document's bytes are still in the database")
		}
		webtest.Refused(t, w.Op.Post(removeDocument, map[string]any{"id": d.ID, "r": "Ancora"}), "CONFLICT", "")
		// Removed, the same file may come again.
		mustAttach(t, w.Coord, "SIGNED_PLAN", caseID, "progetto firmato.pdf", pdf)
	})
}

// TestIdentifyingDocumentsFollowTheIdentity: an identity document or a
// consent form is read only by those who read the person's identity —
// once the case is closed, its table reads the signed plan but no longer
// the identity document.
func TestIdentifyingDocumentsFollowTheIdentity(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := webtest.NewWorld(t, db)
		caseID := caseWithIdentity(w, casefile.StatusInCharge)
		identity := mustAttach(t, w.Coord, "IDENTITY_DOCUMENT", caseID, "carta d'identità.jpg", []byte{0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 2})
		plan := mustAttach(t, w.Coord, "SIGNED_PLAN", caseID, "progetto.pdf", webtest.PDF("Progetto di "+string(caseID)))
		for _, id := range []gid.ID{identity.ID, plan.ID} {
			if rec := download(w.Op, id); rec.Code != http.StatusOK {
				t.Fatalf("the table downloading %s: %d", id, rec.Code)
			}
		}
		// A consent record's signed form is identifying too.
		consentID := w.Client.Consent.Query().Where(consent.HasPersonWith(person.HasCasesWith(casefile.ID(caseID)))).FirstIDX(w.Ctx)
		form := mustAttach(t, w.Op, "CONSENT_FORM", consentID, "consenso.pdf", webtest.PDF("Consenso "+string(caseID)))
		webtest.Refused(t, attach(w.Op, "EVIDENCE", consentID, "altro.pdf", webtest.PDF("Altro "+string(caseID))), "BAD_USER_INPUT", "kind")
		// Closed, with no follow-up due: the identity is no longer read.
		w.Client.CaseFile.UpdateOneID(caseID).SetStatus(casefile.StatusClosed).SetClosedOn(domain.Today()).
			SetClosureReason(casefile.ClosureReasonOther).ExecX(w.Ctx)
		for _, id := range []gid.ID{identity.ID, form.ID} {
			if rec := download(w.Op, id); rec.Code != http.StatusNotFound {
				t.Errorf("an identifying document once the identity is not read: %d", rec.Code)
			}
		}
		webtest.Refused(t, attach(w.Coord, "IDENTITY_DOCUMENT", caseID, "altra.jpg", []byte{0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 9}), "FORBIDDEN", "")
		if rec := download(w.Op, plan.ID); rec.Code != http.StatusOK {
			t.Errorf("the signed plan of the closed case: %d", rec.Code)
		}
	})
}

// failingStore keeps bytes as its inner store does, then fails: the
// upload's last step going wrong after its record and bytes are written.
type failingStore struct{ document.Store }

func (s failingStore) Put(ctx context.Context, tx *ent.Client, id gid.ID, content []byte) error {
	if err := s.Store.Put(ctx, tx, id, content); err != nil {
		return err
	}
	return errors.New("disk full")
}

// TestUploadIsAtomic: an upload that fails once its record and bytes are
// written — in the database or in a directory — or whose body is cut off
// leaves neither.
func TestUploadIsAtomic(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := webtest.NewWorld(t, db)
		caseID, _ := w.CaseIn(casefile.StatusInCharge)
		dir := t.TempDir()
		for name, store := range map[string]document.Store{"database": document.Database{}, "directory": document.Directory{Root: dir}} {
			w.Base.Rebuild(db, func(o *web.Options) {
				o.Documents = &document.Service{Store: failingStore{store}, MaxBytes: document.DefaultMaxBytes}
			})
			coord := webtest.As(t, w.Base, demo.CoordinatorEmail)
			r := attach(coord, "SIGNED_PLAN", caseID, "progetto.pdf", webtest.PDF("Progetto "+name))
			if r.Code() != "INTERNAL" || strings.Contains(r.Raw, "disk full") {
				t.Fatalf("%s: a failed upload answered %s", name, r.Raw)
			}
			if n := w.Client.Document.Query().CountX(w.Ctx) + w.Client.DocumentContent.Query().CountX(w.Ctx); n != 0 {
				t.Errorf("%s: a failed upload left %d records", name, n)
			}
		}
		if files, _ := os.ReadDir(dir); len(files) != 0 {
			t.Errorf("a failed upload left files: %v", files)
		}

		// A body cut off mid-file: nothing written.
		w.Base.Rebuild(db, nil)
		coord := webtest.As(t, w.Base, demo.CoordinatorEmail)
		req := webtest.UploadRequest(t, attachDocument, map[string]any{"kind": "SIGNED_PLAN", "to": caseID}, "file", "progetto.pdf", webtest.PDF("Troncato"))
		body, _ := io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(body[:len(body)-200]))
		req.Header.Set("Origin", "http://"+req.Host)
		if r := coord.Do(req); len(r.Errors) == 0 {
			t.Fatalf("a truncated upload was accepted: %s", r.Raw)
		}
		if n := w.Client.Document.Query().CountX(w.Ctx); n != 0 {
			t.Errorf("a truncated upload left %d documents", n)
		}
	})
}

// TestUploadLimits: the size a file may be is the server's setting; a
// body larger than it is refused before it is read.
func TestUploadLimits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := webtest.NewWorld(t, db)
		caseID, _ := w.CaseIn(casefile.StatusInCharge)
		w.Base.Rebuild(db, func(o *web.Options) { o.Documents = &document.Service{Store: document.Database{}, MaxBytes: 4 << 10} })
		coord := webtest.As(t, w.Base, demo.CoordinatorEmail)
		text := bytes.Repeat([]byte("Relazione sociale. "), 300) // 5.7 KiB
		r := attach(coord, "EVIDENCE", caseID, "relazione.txt", text[:5000])
		webtest.Refused(t, r, "BAD_USER_INPUT", "file")
		if !strings.Contains(r.Errors[0].Message, "4 KiB") {
			t.Errorf("the refusal does not say the limit: %s", r.Raw)
		}
		// Far beyond the limit, the body itself is refused.
		if r := attach(coord, "EVIDENCE", caseID, "relazione.txt", bytes.Repeat(text, 20)); r.Status != http.StatusRequestEntityTooLarge || r.Code() != "BAD_USER_INPUT" {
			t.Fatalf("a body far beyond the limit: %d %s", r.Status, r.Raw)
		}
		mustAttach(t, coord, "EVIDENCE", caseID, "relazione.txt", text[:4000])
		if n := w.Client.Document.Query().CountX(w.Ctx); n != 1 {
			t.Errorf("%d documents, want the one within the limit", n)
		}
	})
}

// TestErasingTheIdentityErasesTheBytes: erasing a person's identity, or
// retention, erases the content of every document about them — in the
// database, or in the files directory — and keeps their records.
func TestErasingTheIdentityErasesTheBytes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := webtest.NewWorld(t, db)
		dir := t.TempDir()
		for _, docs := range []*document.Service{document.Default(), {Store: document.Directory{Root: dir}, MaxBytes: document.DefaultMaxBytes}} {
			w.Base.Rebuild(db, func(o *web.Options) { o.Documents = docs })
			coord, admin := webtest.As(t, w.Base, demo.CoordinatorEmail), webtest.As(t, w.Base, demo.AdminEmail)
			caseID := caseWithIdentity(w, casefile.StatusInCharge)
			d := mustAttach(t, coord, "IDENTITY_DOCUMENT", caseID, "documento.pdf", webtest.PDF("Documento "+string(caseID)))
			other, _ := w.CaseIn(casefile.StatusInCharge)
			kept := mustAttach(t, coord, "SIGNED_PLAN", other, "progetto.pdf", webtest.PDF("Progetto "+string(other)))
			stored := func(id gid.ID) bool {
				content, err := docs.Store.Get(w.Ctx, w.Client, id)
				return err == nil && len(content) > 0
			}
			if !stored(d.ID) || !stored(kept.ID) {
				t.Fatal("the uploads are not stored")
			}
			personID := w.Client.CaseFile.Query().Where(casefile.ID(caseID)).QueryPerson().OnlyIDX(w.Ctx)
			admin.Must(`mutation($id: ID!) { erasePersonIdentity(personID: $id) { id } }`, map[string]any{"id": personID}, nil)
			if stored(d.ID) || !stored(kept.ID) {
				t.Errorf("%T: after the erasure, the person's document stored %v, another's %v", docs.Store, stored(d.ID), stored(kept.ID))
			}
			if w.Client.Document.GetX(w.Ctx, d.ID).ErasedAt == nil {
				t.Error("the erased document's record does not say so")
			}
			var report struct{ IdentityAccessReport []struct{ Action string } }
			admin.OK(`query($id: ID!) { identityAccessReport(personID: $id) { action } }`, map[string]any{"id": personID}, &report)
			if !strings.Contains(fmt.Sprint(report.IdentityAccessReport), "ATTACH_DOCUMENT") {
				t.Errorf("the access report leaves out the person's documents: %v", report.IdentityAccessReport)
			}

			// Retention: a case closed long ago.
			old := caseWithIdentity(w, casefile.StatusClosed)
			gone := mustAttach(t, coord, "SIGNED_PLAN", old, "progetto.pdf", webtest.PDF("Progetto "+string(old)))
			later := subject.New(w.Client)
			later.Now = func() time.Time { return time.Now().AddDate(11, 0, 0) }
			if _, err := later.ApplyRetention(document.NewContext(context.Background(), docs), db, 10); err != nil {
				t.Fatal(err)
			}
			if stored(gone.ID) || !stored(kept.ID) {
				t.Errorf("%T: after retention, the old case's document stored %v, another's %v", docs.Store, stored(gone.ID), stored(kept.ID))
			}
		}
		if files, _ := filepath.Glob(filepath.Join(dir, "*")); len(files) != 1 {
			t.Errorf("the directory keeps %v, want the one document not erased", files)
		}
	})
}

// TestDocumentsOfMeetingsAndCommitments: a table's minutes are the
// table's and the committee's; a commitment's evidence is every signed-in
// user's, attached by the organisation that owes it or the committee.
func TestDocumentsOfMeetingsAndCommitments(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := webtest.NewWorld(t, db)
		steering := webtest.As(t, w.Base, demo.SteeringEmail)
		var m struct{ ID gid.ID }
		w.Coord.Must(`mutation($t: ID!) { recordMeeting(input: {body: TABLE, tableID: $t, heldAt: "2026-01-15T10:00:00+01:00", title: "Riunione di gennaio"}) { id } }`,
			map[string]any{"t": w.Empoli}, &m)
		minutes := mustAttach(t, w.Coord, "MINUTES", m.ID, "verbale.txt", []byte("Verbale della riunione di gennaio: presenti tutti.\n"))
		webtest.Refused(t, attach(w.Op, "MINUTES", m.ID, "verbale2.txt", []byte("Altro verbale\n")), "FORBIDDEN", "")
		webtest.Refused(t, attach(w.Vinci, "MINUTES", m.ID, "verbale2.txt", []byte("Altro verbale\n")), "NOT_FOUND", "")
		for name, c := range map[string]struct {
			a    *webtest.API
			want int
		}{"operator": {w.Op, 200}, "committee": {steering, 200}, "Vinci operator": {w.Vinci, 404}, "partner": {w.Partner, 404}} {
			if rec := download(c.a, minutes.ID); rec.Code != c.want {
				t.Errorf("%s downloading the table's minutes: %d, want %d", name, rec.Code, c.want)
			}
		}
		committeeMeeting := w.Client.Meeting.Query().Where(meeting.BodyEQ(meeting.BodySteeringCommittee)).FirstIDX(w.Ctx)
		webtest.Refused(t, attach(w.Coord, "MINUTES", committeeMeeting, "verbale.txt", []byte("Verbale\n")), "FORBIDDEN", "")
		ofCommittee := mustAttach(t, steering, "MINUTES", committeeMeeting, "verbale cabina.txt", []byte("Verbale della cabina di regia\n"))
		if rec := download(w.Partner, ofCommittee.ID); rec.Code != http.StatusOK {
			t.Errorf("the committee's minutes, read by every signed-in user: %d", rec.Code)
		}

		// A commitment of another organisation than the coordinator's.
		pc := w.Client.ProtocolCommitment.Query().FirstX(w.Ctx)
		owner := pc.QueryParty().QueryOrganization().OnlyIDX(w.Ctx)
		evidence := webtest.PDF("Relazione sull'impegno")
		if owner == w.OpOrg {
			mustAttach(t, w.Op, "EVIDENCE", pc.ID, "relazione.pdf", evidence)
		} else {
			webtest.Refused(t, attach(w.Op, "EVIDENCE", pc.ID, "relazione.pdf", evidence), "FORBIDDEN", "")
			mustAttach(t, steering, "EVIDENCE", pc.ID, "relazione.pdf", evidence)
		}
		webtest.Refused(t, attach(steering, "MINUTES", pc.ID, "relazione.pdf", webtest.PDF("Altro")), "BAD_USER_INPUT", "kind")
		webtest.Refused(t, attach(steering, "OTHER", w.Empoli, "tavolo.pdf", webtest.PDF("Tavolo")), "BAD_USER_INPUT", "attachedToID")
	})
}
