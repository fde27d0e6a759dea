package main

import (
	"net/netip"
	"slices"
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
