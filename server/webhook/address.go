package webhook

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"os"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/progetto-win/win/domain/fault"
)

// AllowPrivateEnv names the variable that lets endpoints live on
// loopback, private and link-local addresses: for tests and for a
// partner's program inside the network, never by default.
const AllowPrivateEnv = "WIN_WEBHOOK_ALLOW_PRIVATE"

// allowPrivate reports whether WIN_WEBHOOK_ALLOW_PRIVATE=1; read on each
// use, so that tests set it per test.
func allowPrivate() bool { return os.Getenv(AllowPrivateEnv) == "1" }

// maxURLLength is the schema's bound of an endpoint's URL.
const maxURLLength = 2000

// notPublic are the ranges, beyond those netip names, that no partner's
// program on the Internet lives in: "this network", shared address space
// (carrier NAT), IETF protocol assignments, benchmarking, reserved and
// broadcast, and NAT64 (which reaches IPv4 addresses through IPv6).
var notPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
}

// public reports whether an address is one WIN may call: not loopback,
// private, link-local, unspecified, multicast or reserved.
func public(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return false
	}
	for _, p := range notPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// errNotPublic is a connection refused because of where it led.
var errNotPublic = errors.New("the address is not public (loopback, private, link-local or reserved)")

// dialControl refuses, at connect time, an address that is not public:
// the check holds for the address actually dialled, whatever DNS said
// when the endpoint was registered (DNS rebinding).
func dialControl(_, address string, _ syscall.RawConn) error {
	if allowPrivate() {
		return nil
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil || !public(ap.Addr()) {
		return fmt.Errorf("%s: %w", address, errNotPublic)
	}
	return nil
}

// resolveTimeout bounds the look-up of an endpoint's host at
// registration.
const resolveTimeout = 3 * time.Second

// checkURL checks an endpoint's URL: http or https, a host, no user
// name or password, at most 2000 characters, and a public address — a
// literal one, or every address its name resolves to — unless
// WIN_WEBHOOK_ALLOW_PRIVATE=1.
func checkURL(ctx context.Context, raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", fault.Invalidf("url", "is required")
	}
	if len(raw) > maxURLLength {
		return "", fault.Invalidf("url", "must be at most %d characters", maxURLLength)
	}
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() {
		return "", fault.Invalidf("url", "must be an absolute http or https URL")
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fault.Invalidf("url", "must use http or https")
	case u.User != nil:
		return "", fault.Invalidf("url", "must not carry a user name or password")
	case u.Hostname() == "":
		return "", fault.Invalidf("url", "must name a host")
	case u.Fragment != "":
		return "", fault.Invalidf("url", "must not have a fragment (#…)")
	}
	if allowPrivate() {
		return u.String(), nil
	}
	host := u.Hostname()
	if ip, err := netip.ParseAddr(host); err == nil {
		if !public(ip) {
			return "", fault.Invalidf("url", "must be on a public address, not loopback, private, link-local or reserved")
		}
		return u.String(), nil
	}
	if strings.EqualFold(strings.TrimSuffix(host, "."), "localhost") || strings.HasSuffix(strings.ToLower(strings.TrimSuffix(host, ".")), ".localhost") {
		return "", fault.Invalidf("url", "must be on a public address, not loopback, private, link-local or reserved")
	}
	ctx, cancel := context.WithTimeout(ctx, resolveTimeout)
	defer cancel()
	// One answer whether the name is unknown or private, so that the
	// check tells nothing of the installation's own network.
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil || len(addrs) == 0 || slices.ContainsFunc(addrs, func(ip netip.Addr) bool { return !public(ip) }) {
		return "", fault.Invalidf("url", "its host must resolve to public addresses only (not loopback, private, link-local or reserved)")
	}
	return u.String(), nil
}
