package webhook

import (
	"context"
	"net/http"
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

// HTTPClient is the client the sender posts with.
func (s *Sender) HTTPClient() *http.Client { return s.http }
