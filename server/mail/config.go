package mail

import (
	"crypto/x509"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"strings"
	"time"
)

// Config says how WIN sends e-mail.
type Config struct {
	// SMTP is the server: smtp://user:pass@host:port (STARTTLS, required
	// when the server offers it) or smtps://… (implicit TLS); nil writes
	// mails to the log only (state LOGGED).
	SMTP *url.URL
	// From is the sender, e.g. WIN <noreply@example.org>.
	From *mail.Address
	// PublicURL is the base of the links in mails, the SPA's address.
	PublicURL *url.URL
	// RootCAs, when set, are the authorities the SMTP server's
	// certificate is checked against instead of the system's (tests).
	RootCAs *x509.CertPool
	// DialTimeout bounds connecting; SendTimeout a whole mail's exchange.
	DialTimeout, SendTimeout time.Duration
}

// Defaults of the configuration.
const (
	DefaultFrom        = "WIN <noreply@localhost>"
	DefaultPublicURL   = "http://localhost:8080"
	defaultDialTimeout = 10 * time.Second
	defaultSendTimeout = time.Minute
)

// ParseConfig reads WIN_SMTP_URL, WIN_MAIL_FROM and WIN_PUBLIC_URL; empty
// from and publicURL take the defaults, an empty smtpURL sends nothing.
// Errors never repeat the SMTP URL, which may hold a password.
func ParseConfig(smtpURL, from, publicURL string) (Config, error) {
	cfg := Config{DialTimeout: defaultDialTimeout, SendTimeout: defaultSendTimeout}
	if smtpURL != "" {
		u, err := url.Parse(smtpURL)
		if err != nil {
			return cfg, fmt.Errorf("WIN_SMTP_URL is not a URL")
		}
		if u.Scheme != "smtp" && u.Scheme != "smtps" {
			return cfg, fmt.Errorf("WIN_SMTP_URL must start with smtp:// (STARTTLS) or smtps:// (implicit TLS)")
		}
		if u.Hostname() == "" {
			return cfg, fmt.Errorf("WIN_SMTP_URL names no host")
		}
		if u.Path != "" && u.Path != "/" || u.RawQuery != "" {
			return cfg, fmt.Errorf("WIN_SMTP_URL takes no path or query")
		}
		cfg.SMTP = u
	}
	if from == "" {
		from = DefaultFrom
	}
	addr, err := mail.ParseAddress(from)
	if err != nil {
		return cfg, fmt.Errorf("WIN_MAIL_FROM is not an e-mail address such as %q", DefaultFrom)
	}
	cfg.From = addr
	if publicURL == "" {
		publicURL = DefaultPublicURL
	}
	pub, err := url.Parse(strings.TrimRight(publicURL, "/"))
	if err != nil || (pub.Scheme != "http" && pub.Scheme != "https") || pub.Host == "" {
		return cfg, fmt.Errorf("WIN_PUBLIC_URL must be an http(s) URL such as %s", DefaultPublicURL)
	}
	cfg.PublicURL = pub
	return cfg, nil
}

// address returns host:port of the SMTP server, with the scheme's port
// when the URL gives none.
func (c Config) address() string {
	port := c.SMTP.Port()
	if port == "" {
		port = "587"
		if c.SMTP.Scheme == "smtps" {
			port = "465"
		}
	}
	return net.JoinHostPort(c.SMTP.Hostname(), port)
}

// Redacted describes the SMTP server for the log, without the password.
func (c Config) Redacted() string {
	if c.SMTP == nil {
		return "none (mail is written to the log)"
	}
	return c.SMTP.Scheme + "://" + c.address()
}

// link returns the public URL of an SPA route.
func (c Config) link(route string) string {
	return c.PublicURL.String() + route
}
