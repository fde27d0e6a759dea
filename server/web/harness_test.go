package web_test

import (
	"testing"

	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/webtest"
)

// world adds the web tests' own helpers (actions, outages) to the
// harness's World.
type world struct{ *webtest.World }

func newWorld(t *testing.T, db *store.DB) *world { return &world{webtest.NewWorld(t, db)} }
