package backup

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"

	"github.com/progetto-win/win/server/store"
)

// backupPostgres runs pg_dump: custom format (compressed, restored by
// pg_restore), one snapshot for the whole dump, so consistent while the
// server writes.
func backupPostgres(ctx context.Context, rawURL, file string) error {
	conn, env, schema, err := libpqConnection(rawURL)
	if err != nil {
		return err
	}
	args := []string{"--format=custom", "--file=" + file, "--dbname=" + conn}
	if schema != "" {
		args = append(args, "--schema="+schema)
	}
	return run(ctx, env, "pg_dump", args...)
}

// restorePostgres runs pg_restore into the database, which must hold no
// table yet, in one transaction: all of it or nothing.
func restorePostgres(ctx context.Context, file, rawURL string) error {
	db, err := store.Open(rawURL)
	if err != nil {
		return err
	}
	var tables int
	err = db.SQL.QueryRowContext(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`).Scan(&tables)
	_ = db.Close()
	if err != nil {
		return fmt.Errorf("checking that the database is empty: %w", err)
	}
	if tables > 0 {
		return fmt.Errorf("the database already has %d tables: restore into a new, empty database (createdb)", tables)
	}
	conn, env, _, err := libpqConnection(rawURL)
	if err != nil {
		return err
	}
	return run(ctx, env, "pg_restore", "--dbname="+conn, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", file)
}

// libpqConnection turns WIN's URL (lib/pq's) into what libpq's tools
// take: the password moves to PGPASSWORD, out of the process list, and a
// search_path (lib/pq passes it to the server; libpq does not know it)
// becomes the schema to dump.
func libpqConnection(rawURL string) (conn string, env []string, schema string, err error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "", nil, "", fmt.Errorf("the database URL is not a URL")
	}
	if password, ok := u.User.Password(); ok {
		env = append(env, "PGPASSWORD="+password)
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	schema = q.Get("search_path")
	q.Del("search_path")
	u.RawQuery = q.Encode()
	return u.String(), env, schema, nil
}

// run runs a PostgreSQL client tool, returning what it said on failure.
func run(ctx context.Context, env []string, tool string, args ...string) error {
	if _, err := exec.LookPath(tool); err != nil {
		return fmt.Errorf("%s is not installed: install PostgreSQL's client tools (Debian: postgresql-client), of the server's major version or later", tool)
	}
	cmd := exec.CommandContext(ctx, tool, args...)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s failed: %v: %s", tool, err, strings.TrimSpace(stderr.String()))
	}
	return nil
}
