package webhook

import (
	"context"
	"time"

	"github.com/progetto-win/win/domain/gid"
)

// For the tests of package webhook_test, which use the harness of the
// layers above (server/webtest) and so cannot be in this package.

// CheckURL is checkURL.
var CheckURL = checkURL

// Claim claims due deliveries without sending them, as a sender that
// then dies would.
func (s *Sender) Claim(ctx context.Context) ([]gid.ID, time.Time, error) { return s.claim(ctx) }

// SetTimeout replaces the time the sender's requests may take.
func (s *Sender) SetTimeout(d time.Duration) { s.http = newHTTPClient(d) }
