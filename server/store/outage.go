package store

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"syscall"

	"github.com/lib/pq"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Outage is a database that cannot serve for a while, as an error says.
type Outage int

const (
	// NoOutage means the error says nothing about the database's availability.
	NoOutage Outage = iota
	// Unreachable means no connection, a connection lost, a server shutting
	// down or starting up, or out of connections or memory.
	Unreachable
	// CannotWrite means the storage is full, read-only or failing.
	CannotWrite
	// Busy means SQLite's write lock was held past the busy timeout.
	Busy
)

// RetryAfter is the Retry-After, in seconds, of an answer that failed
// for an outage: a restarted PostgreSQL serves again within it, the pool
// replacing its dead connections on first use (docs/faults.md).
const RetryAfter = 5

// Message tells a client what failed, without the driver's words.
func (o Outage) Message() string {
	switch o {
	case CannotWrite:
		return "the database cannot store changes now (its storage is full, read-only or failing); nothing was changed; try again later"
	case Busy:
		return "the database is busy with other changes; nothing was changed; try again in a few seconds"
	}
	return "the database is unavailable; nothing was changed; try again in a few seconds"
}

// OutageOf says whether err comes from a database that cannot serve now,
// as opposed to a request it refused: such a failure is worth retrying
// later, and is nothing the client did wrong.
func OutageOf(err error) Outage {
	var (
		pqErr   *pq.Error
		sqlErr  *sqlite.Error
		netErr  *net.OpError
		errnoEr syscall.Errno
	)
	switch {
	case err == nil:
		return NoOutage
	case errors.As(err, &pqErr):
		return postgresOutage(pqErr)
	case errors.As(err, &sqlErr):
		return sqliteOutage(sqlErr.Code())
	case errors.Is(err, driver.ErrBadConn), errors.Is(err, sql.ErrConnDone),
		errors.Is(err, io.ErrUnexpectedEOF), errors.As(err, &netErr):
		return Unreachable
	case errors.As(err, &errnoEr) && (errnoEr == syscall.ECONNREFUSED || errnoEr == syscall.ECONNRESET || errnoEr == syscall.EPIPE):
		return Unreachable
	}
	return NoOutage
}

// postgresOutage reads PostgreSQL's SQLSTATE: class 08 (connection
// exceptions), 57P01-57P03 (shut down by an administrator or a crash,
// cannot connect now: starting up or shutting down), class 53
// (insufficient resources: disk full, out of memory, too many
// connections), class 58 (I/O errors) and 25006 (a read-only transaction:
// a standby serving after a failover).
func postgresOutage(err *pq.Error) Outage {
	switch {
	case err.Code == "53100", err.Code == "25006", err.Code.Class() == "58":
		return CannotWrite
	case err.Code.Class() == "08", err.Code.Class() == "53",
		err.Code == "57P01", err.Code == "57P02", err.Code == "57P03":
		return Unreachable
	}
	return NoOutage
}

// sqliteOutage reads SQLite's primary result code (the low byte of an
// extended one).
func sqliteOutage(code int) Outage {
	switch code & 0xff {
	case sqlite3.SQLITE_FULL, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN:
		return CannotWrite
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return Busy
	}
	return NoOutage
}
