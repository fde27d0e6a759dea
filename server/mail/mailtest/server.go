// Package mailtest runs a real SMTP server (github.com/emersion/go-smtp)
// in a test's process, in clear, with STARTTLS or with implicit TLS, and
// keeps the messages it receives for the test to read.
package mailtest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Modes of the server.
const (
	Plain    = "plain"    // no TLS
	StartTLS = "starttls" // smtp://, offering STARTTLS
	Implicit = "smtps"    // smtps://, TLS from the start
)

// User and Password are the credentials the server takes.
const (
	User     = "win@prova.example"
	Password = "p@ss word/1" // needs URL escaping
)

// Message is a message received.
type Message struct {
	From string
	To   []string
	Raw  []byte
	TLS  bool // received over TLS
	Auth bool // the client authenticated
}

// Parsed is the message read as net/mail does.
func (m Message) Parsed(t testing.TB) *mail.Message {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(m.Raw))
	if err != nil {
		t.Fatal(err)
	}
	return msg
}

// Server is a running SMTP server.
type Server struct {
	URL     string         // smtp:// or smtps:// URL with the credentials
	RootCAs *x509.CertPool // trusts the server's self-signed certificate
	mu      sync.Mutex
	msgs    []Message
	refuse  int // transactions still to refuse with a temporary error
}

// Start runs a server in mode until the test ends.
func Start(t testing.TB, mode string) *Server {
	t.Helper()
	s := &Server{}
	cert, pool := selfSigned(t)
	s.RootCAs = pool
	srv := smtp.NewServer(backend{s})
	srv.Domain = "127.0.0.1"
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	srv.AllowInsecureAuth = mode == Plain
	tlsConfig := &tls.Config{Certificates: []tls.Certificate{cert}}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	scheme := "smtp"
	switch mode {
	case StartTLS:
		srv.TLSConfig = tlsConfig
	case Implicit:
		l, scheme = tls.NewListener(l, tlsConfig), "smtps"
	}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	s.URL = scheme + "://" + "win%40prova.example:p%40ss%20word%2F1@" + l.Addr().String()
	return s
}

// Refuse makes the next n transactions fail with 451 (try again later).
func (s *Server) Refuse(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refuse = n
}

// Messages returns the messages received so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

type backend struct{ s *Server }

func (b backend) NewSession(c *smtp.Conn) (smtp.Session, error) {
	_, isTLS := c.TLSConnectionState()
	return &session{s: b.s, tls: isTLS, conn: c}, nil
}

type session struct {
	s    *Server
	conn *smtp.Conn
	tls  bool
	auth bool
	msg  Message
}

func (se *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (se *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, username, password string) error {
		if username != User || password != Password {
			return errors.New("invalid credentials")
		}
		se.auth = true
		return nil
	}), nil
}

func (se *session) Mail(from string, _ *smtp.MailOptions) error {
	se.s.mu.Lock()
	defer se.s.mu.Unlock()
	if se.s.refuse > 0 {
		se.s.refuse--
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
	}
	se.msg = Message{From: from}
	return nil
}

func (se *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	se.msg.To = append(se.msg.To, to)
	return nil
}

func (se *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	_, isTLS := se.conn.TLSConnectionState()
	se.msg.Raw, se.msg.TLS, se.msg.Auth = raw, isTLS || se.tls, se.auth
	se.s.mu.Lock()
	defer se.s.mu.Unlock()
	se.s.msgs = append(se.s.msgs, se.msg)
	return nil
}

func (se *session) Reset()        { se.msg = Message{} }
func (se *session) Logout() error { return nil }

// selfSigned makes a certificate for 127.0.0.1 and a pool that trusts it.
func selfSigned(t testing.TB) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "WIN test SMTP"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, DNSNames: []string{"localhost"},
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA: true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}

// Parts reads the message's headers (Subject decoded) and its plain-text
// and HTML parts, which must be the two parts of a multipart/alternative
// in that order, decoded from quoted-printable.
func (m Message) Parts(t testing.TB) (header map[string]string, text, html string) {
	t.Helper()
	msg := m.Parsed(t)
	header = map[string]string{}
	for k := range msg.Header {
		header[k] = msg.Header.Get(k)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	header["Subject"] = subject
	media, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || media != "multipart/alternative" {
		t.Fatalf("Content-Type %q: %v", msg.Header.Get("Content-Type"), err)
	}
	r := multipart.NewReader(msg.Body, params["boundary"])
	for i := 0; ; i++ {
		p, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(p) // quoted-printable, decoded by the reader
		if err != nil {
			t.Fatal(err)
		}
		switch ct := p.Header.Get("Content-Type"); {
		case i == 0 && strings.HasPrefix(ct, "text/plain; charset=utf-8"):
			text = string(body)
		case i == 1 && strings.HasPrefix(ct, "text/html; charset=utf-8"):
			html = string(body)
		default:
			t.Errorf("part %d is %q", i, ct)
		}
	}
	if text == "" || html == "" {
		t.Fatalf("want a plain-text and an HTML part; got text %q, html %q", text, html)
	}
	return header, text, html
}
