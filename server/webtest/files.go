package webtest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/document"
)

// PDF returns a small, valid one-page PDF that shows the text: a real
// file for the upload tests, different for each text.
func PDF(text string) []byte {
	stream := fmt.Sprintf("BT /F1 12 Tf 72 720 Td (%s) Tj ET", text)
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(stream), stream),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// SeedDocument attaches a signed plan (a PDF of the text) to a case as
// the user, its content in the database, as document.Database keeps it.
func SeedDocument(ctx context.Context, c *ent.Client, caseID, userID gid.ID, text string) gid.ID {
	content := PDF(text)
	sum := sha256.Sum256(content)
	d := c.Document.Create().SetCaseID(caseID).SetKind(document.KindSIGNED_PLAN).SetFileName("progetto firmato.pdf").
		SetMediaType("application/pdf").SetSize(int64(len(content))).SetSha256(hex.EncodeToString(sum[:])).
		SetUploadedByID(userID).SaveX(ctx)
	c.DocumentContent.Create().SetDocumentID(d.ID).SetData(content).ExecX(ctx)
	return d.ID
}
