package main

import (
	"net/netip"
	"slices"
	"strings"
	"testing"
)

// TestMetricsConfig: metrics are off unless an address is given, go to
// loopback unless told otherwise, and a malformed range stops the start.
func TestMetricsConfig(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	cfg, err := loadConfig(nil, env(nil))
	if err != nil || cfg.MetricsAddr != "" {
		t.Fatalf("default: %q, %v", cfg.MetricsAddr, err)
	}
	loopback := []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}
	if !slices.Equal(cfg.MetricsAllow, loopback) {
		t.Errorf("metrics allowed by default to %v", cfg.MetricsAllow)
	}
	cfg, err = loadConfig([]string{"-metrics-allow", "10.0.9.5, 10.1.0.0/16"}, env(map[string]string{"WIN_METRICS_ADDR": "10.0.1.11:9464"}))
	want := []netip.Prefix{netip.MustParsePrefix("10.0.9.5/32"), netip.MustParsePrefix("10.1.0.0/16")}
	if err != nil || cfg.MetricsAddr != "10.0.1.11:9464" || !slices.Equal(cfg.MetricsAllow, want) {
		t.Errorf("configured: %q %v, %v", cfg.MetricsAddr, cfg.MetricsAllow, err)
	}
	if _, err := loadConfig(nil, env(map[string]string{"WIN_METRICS_ALLOW": "prometheus.internal"})); err == nil {
		t.Error("a host name was accepted as an address range")
	}
}

// TestMailConfig: without WIN_SMTP_URL mail is only logged, with the
// defaults of sender and links; the URL's credentials are decoded, its
// scheme chooses STARTTLS or implicit TLS, and neither an error nor the
// description for the log repeats the password.
func TestMailConfig(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	cfg, err := loadConfig(nil, env(nil))
	if err != nil || cfg.Mail.SMTP != nil || cfg.Mail.From.String() != `"WIN" <noreply@localhost>` || cfg.Mail.PublicURL.String() != "http://localhost:8080" {
		t.Fatalf("default: %+v, %v", cfg.Mail, err)
	}
	cfg, err = loadConfig([]string{"-public-url", "https://win.example.org/"}, env(map[string]string{
		"WIN_SMTP_URL":  "smtps://win%40example.org:s%3Agreto%2F1@mail.example.org",
		"WIN_MAIL_FROM": "WIN Toscana <noreply@example.org>",
	}))
	if err != nil {
		t.Fatal(err)
	}
	pass, _ := cfg.Mail.SMTP.User.Password()
	if cfg.Mail.SMTP.User.Username() != "win@example.org" || pass != "s:greto/1" || cfg.Mail.From.Address != "noreply@example.org" ||
		cfg.Mail.PublicURL.String() != "https://win.example.org" {
		t.Errorf("configured: %+v", cfg.Mail)
	}
	if got := cfg.Mail.Redacted(); got != "smtps://mail.example.org:465" {
		t.Errorf("for the log: %q", got)
	}
	for _, bad := range []map[string]string{
		{"WIN_SMTP_URL": "http://user:segreto@mail.example.org"},
		{"WIN_SMTP_URL": "smtp://user:segreto@"},
		{"WIN_SMTP_URL": "smtp://user:segreto@mail.example.org/path"},
		{"WIN_MAIL_FROM": "not an address"},
		{"WIN_PUBLIC_URL": "ftp://win.example.org"},
	} {
		_, err := loadConfig(nil, env(bad))
		if err == nil || strings.Contains(err.Error(), "segreto") {
			t.Errorf("%v: %v", bad, err)
		}
	}
}
