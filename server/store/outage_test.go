package store_test

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"os"
	"syscall"
	"testing"

	"github.com/lib/pq"

	"github.com/progetto-win/win/server/store"
)

// TestOutageOf classifies the errors of a database that cannot serve
// apart from those of a request it refused, which keep their own codes.
// SQLite's are met for real in server/web's TestSQLiteCannotWrite.
func TestOutageOf(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want store.Outage
	}{
		{&pq.Error{Code: "57P01"}, store.Unreachable}, // terminating connection due to administrator command
		{&pq.Error{Code: "57P03"}, store.Unreachable}, // the database system is starting up
		{&pq.Error{Code: "08006"}, store.Unreachable}, // connection failure
		{&pq.Error{Code: "53300"}, store.Unreachable}, // too many connections
		{&pq.Error{Code: "53100"}, store.CannotWrite}, // disk full
		{&pq.Error{Code: "25006"}, store.CannotWrite}, // read-only transaction: a standby
		{&pq.Error{Code: "58030"}, store.CannotWrite}, // I/O error
		{fmt.Errorf("querying: %w", driver.ErrBadConn), store.Unreachable},
		{sql.ErrConnDone, store.Unreachable},
		{&net.OpError{Op: "dial", Net: "tcp", Err: &os.SyscallError{Syscall: "connect", Err: syscall.ECONNREFUSED}}, store.Unreachable},
		{fmt.Errorf("reading: %w", syscall.ECONNRESET), store.Unreachable},
		{&pq.Error{Code: "23505"}, store.NoOutage}, // unique violation: the request's
		{&pq.Error{Code: "22P02"}, store.NoOutage}, // invalid text representation: the request's
		{&pq.Error{Code: "57014"}, store.NoOutage}, // canceled: the request's deadline
		{errors.New("something else"), store.NoOutage},
		{nil, store.NoOutage},
	} {
		if got := store.OutageOf(tc.err); got != tc.want {
			t.Errorf("%v: got outage %d, want %d", tc.err, got, tc.want)
		}
	}
}
