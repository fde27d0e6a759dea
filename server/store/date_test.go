package store_test

import (
	"context"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
)

// TestDateColumns stores days in a date column and reads them back, as
// each driver gives them (lib/pq a time.Time, modernc a time.Time or the
// text), NULL included.
func TestDateColumns(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := db.SQL.ExecContext(ctx, "CREATE TABLE days (n integer, d date)"); err != nil {
			t.Fatal(err)
		}
		days := []domain.Date{domain.NewDate(2026, 3, 29), domain.NewDate(2026, 10, 25), domain.NewDate(1950, 1, 1)}
		insert := "INSERT INTO days (n, d) VALUES (?, ?)"
		if db.Dialect == dialect.Postgres {
			insert = "INSERT INTO days (n, d) VALUES ($1, $2)"
		}
		for i, d := range days {
			if _, err := db.SQL.ExecContext(ctx, insert, i, d); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.SQL.ExecContext(ctx, "INSERT INTO days (n) VALUES (9)"); err != nil {
			t.Fatal(err)
		}
		rows, err := db.SQL.QueryContext(ctx, "SELECT d FROM days ORDER BY n")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var got []domain.Date
		for rows.Next() {
			var d domain.Date
			if err := rows.Scan(&d); err != nil {
				t.Fatal(err)
			}
			got = append(got, d)
		}
		if len(got) != 4 || got[0] != days[0] || got[1] != days[1] || got[2] != days[2] || !got[3].IsZero() {
			t.Errorf("read back %v, stored %v and NULL", got, days)
		}
		// Days compare in time order with a day given as text, as a
		// cursor gives it.
		var n int
		q := "SELECT count(*) FROM days WHERE d > ?"
		if db.Dialect == dialect.Postgres {
			q = "SELECT count(*) FROM days WHERE d > $1"
		}
		if err := db.SQL.QueryRowContext(ctx, q, "2026-03-29").Scan(&n); err != nil || n != 1 {
			t.Errorf("%d days after 29 March 2026 (%v)", n, err)
		}
	})
}

// TestItalianDayFunc checks SQLite's italian_day on instants as the
// driver writes them: 23:30 in Rome is that day, summer and winter.
func TestItalianDayFunc(t *testing.T) {
	db := storetest.OpenEmpty(t, dialect.SQLite)
	ctx := context.Background()
	if _, err := db.SQL.ExecContext(ctx, "CREATE TABLE events (at timestamp)"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		at   time.Time
		want string
	}{
		{time.Date(2026, 7, 31, 23, 30, 0, 0, domain.Rome), "2026-07-31"},
		{time.Date(2026, 1, 31, 23, 30, 0, 0, domain.Rome), "2026-01-31"},
		{time.Date(2026, 8, 1, 0, 0, 0, 0, domain.Rome), "2026-08-01"},
	} {
		if _, err := db.SQL.ExecContext(ctx, "DELETE FROM events"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SQL.ExecContext(ctx, "INSERT INTO events (at) VALUES (?)", c.at); err != nil {
			t.Fatal(err)
		}
		var got string
		if err := db.SQL.QueryRowContext(ctx, "SELECT italian_day(at) FROM events").Scan(&got); err != nil || got != c.want {
			t.Errorf("italian_day(%v) = %q (%v), want %s", c.at, got, err, c.want)
		}
	}
	var got string
	if err := db.SQL.QueryRowContext(ctx, "SELECT italian_day('2026-03-29')").Scan(&got); err != nil || got != "2026-03-29" {
		t.Errorf("italian_day of a day = %q (%v)", got, err)
	}
}
