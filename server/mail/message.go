package mail

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"time"
)

// envelope is a mail as it is sent: the stored row's parts and headers.
type envelope struct {
	To          string
	Subject     string
	Text, HTML  string
	MessageID   string // with its angle brackets
	Date        time.Time
	Unsubscribe string // set on digests: List-Unsubscribe's URL
}

// newMessageID returns a Message-ID on the host of WIN's public URL.
func (c Config) newMessageID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand never fails on Linux
	return "<" + hex.EncodeToString(b) + "@" + c.PublicURL.Hostname() + ">"
}

// encode writes the message (RFC 5322, MIME multipart/alternative: the
// plain text first, the HTML preferred by clients that show it).
func (c Config) encode(e envelope) ([]byte, error) {
	var b bytes.Buffer
	to := mail.Address{Address: e.To}
	header := []struct{ k, v string }{
		{"From", c.From.String()},
		{"To", to.String()},
		{"Subject", mime.QEncoding.Encode("utf-8", e.Subject)},
		{"Date", e.Date.Format(time.RFC1123Z)},
		{"Message-ID", e.MessageID},
		{"MIME-Version", "1.0"},
		// Auto-responders and vacation replies must not answer (RFC 3834).
		{"Auto-Submitted", "auto-generated"},
	}
	if e.Unsubscribe != "" {
		header = append(header, struct{ k, v string }{"List-Unsubscribe", "<" + e.Unsubscribe + ">"})
	}
	w := multipart.NewWriter(&b)
	header = append(header, struct{ k, v string }{"Content-Type", mime.FormatMediaType("multipart/alternative", map[string]string{"boundary": w.Boundary()})})
	var head bytes.Buffer
	for _, h := range header {
		fmt.Fprintf(&head, "%s: %s\r\n", h.k, h.v)
	}
	head.WriteString("\r\n")
	for _, part := range []struct{ kind, body string }{{"text/plain", e.Text}, {"text/html", e.HTML}} {
		p, err := w.CreatePart(textproto.MIMEHeader{
			"Content-Type":              {part.kind + "; charset=utf-8"},
			"Content-Transfer-Encoding": {"quoted-printable"},
		})
		if err != nil {
			return nil, err
		}
		qp := quotedprintable.NewWriter(p)
		if _, err := qp.Write([]byte(part.body)); err != nil {
			return nil, err
		}
		if err := qp.Close(); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return append(head.Bytes(), b.Bytes()...), nil
}
