package viewer

import "sync/atomic"

// grants counts the changes, in this process, to what viewers are built
// from: sessions ended, tokens revoked, users' roles, state or password,
// table memberships and coordinators. A cache of viewers keeps an entry
// only while the count is the one it read before building it.
var grants atomic.Uint64

// GrantsChanged records that some viewer's sessions, tokens, roles or
// tables may have changed.
func GrantsChanged() { grants.Add(1) }

// GrantsRevision returns the number of changes so far.
func GrantsRevision() uint64 { return grants.Load() }
