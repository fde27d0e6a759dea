package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/smtp"
	"time"
)

// send hands one message to the SMTP server, within the dial and send
// timeouts and the context's deadline. smtps:// speaks TLS from the
// start; smtp:// upgrades with STARTTLS, and refuses to go on in clear
// when the server offers it but the upgrade fails.
func (c Config) send(ctx context.Context, to string, msg []byte) error {
	ctx, cancel := context.WithTimeout(ctx, c.SendTimeout)
	defer cancel()
	host := c.SMTP.Hostname()
	tlsConfig := &tls.Config{ServerName: host, RootCAs: c.RootCAs, MinVersion: tls.VersionTLS12}
	dialer := &net.Dialer{Timeout: c.DialTimeout}
	var conn net.Conn
	var err error
	if c.SMTP.Scheme == "smtps" {
		conn, err = (&tls.Dialer{NetDialer: dialer, Config: tlsConfig}).DialContext(ctx, "tcp", c.address())
	} else {
		conn, err = dialer.DialContext(ctx, "tcp", c.address())
	}
	if err != nil {
		return err
	}
	// The whole exchange ends at the deadline, whatever the server does.
	deadline, _ := ctx.Deadline()
	if err := conn.SetDeadline(deadline); err != nil {
		_ = conn.Close()
		return err
	}
	stop := context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	client, err := smtp.NewClient(conn, host)
	if err != nil {
		_ = conn.Close()
		return err
	}
	defer func() { _ = client.Close() }()
	if err := client.Hello(c.PublicURL.Hostname()); err != nil {
		return err
	}
	if c.SMTP.Scheme == "smtp" {
		if ok, _ := client.Extension("STARTTLS"); ok {
			if err := client.StartTLS(tlsConfig); err != nil {
				return fmt.Errorf("STARTTLS: %w", err)
			}
		}
	}
	if user := c.SMTP.User; user != nil {
		password, _ := user.Password()
		// PlainAuth refuses to send the password in clear but to localhost.
		if err := client.Auth(smtp.PlainAuth("", user.Username(), password, host)); err != nil {
			return fmt.Errorf("authentication: %w", err)
		}
	}
	if err := client.Mail(c.From.Address); err != nil {
		return err
	}
	if err := client.Rcpt(to); err != nil {
		return err
	}
	w, err := client.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	if err := client.Quit(); err != nil && !errors.Is(err, net.ErrClosed) {
		return err
	}
	return nil
}
