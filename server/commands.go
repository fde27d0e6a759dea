package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/progetto-win/win/ent/auditchain"
	"github.com/progetto-win/win/server/backup"
	"github.com/progetto-win/win/server/store"
)

// commandUsage lists the subcommands; without one, win serves.
const commandUsage = `usage:
  win [flags]                          serve (win -h lists the flags)
  win backup [-database-url URL] FILE  write a consistent backup of the running database to FILE (new, mode 0600)
  win restore [-database-url URL] FILE restore FILE into an empty database, then verify its audit chain
  win audit verify [-database-url URL] verify the audit log's hash chain; exit status 1 at the first broken link
The database is WIN_DATABASE_URL unless -database-url names another; docs/backup.md explains.`

// isCommand reports whether the arguments name a subcommand rather than
// the server's flags.
func isCommand(args []string) bool {
	return len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-'
}

// runCommand runs a subcommand and returns the process's exit status.
func runCommand(args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	name := args[0]
	args = args[1:]
	if name == "audit" {
		if len(args) == 0 || args[0] != "verify" {
			fmt.Fprintln(stderr, commandUsage)
			return 2
		}
		name, args = "audit verify", args[1:]
	}
	fs := flag.NewFlagSet("win "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	databaseURL := fs.String("database-url", envOr(getenv, "WIN_DATABASE_URL", "win.db"), "postgres:// URL, or the path of an SQLite file (WIN_DATABASE_URL)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	wantFile := name == "backup" || name == "restore"
	if wantFile != (fs.NArg() == 1) || fs.NArg() > 1 {
		fmt.Fprintln(stderr, commandUsage)
		return 2
	}
	start := time.Now()
	took := func() string { return time.Since(start).Round(time.Millisecond).String() }
	switch name {
	case "backup":
		if err := backup.Backup(ctx, *databaseURL, fs.Arg(0)); err != nil {
			fmt.Fprintln(stderr, "backup failed:", err)
			return 1
		}
		fmt.Fprintf(stdout, "backup written to %s in %s\n", fs.Arg(0), took())
		return 0
	case "restore":
		report, err := backup.Restore(ctx, fs.Arg(0), *databaseURL)
		if err != nil {
			fmt.Fprintln(stderr, "restore failed:", err)
			return 1
		}
		fmt.Fprintf(stdout, "backup %s restored in %s\n", fs.Arg(0), took())
		return printReport(report, stdout, stderr)
	case "audit verify":
		db, err := store.Open(*databaseURL)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		defer db.Close()
		report, err := auditchain.Verify(ctx, db.SQL)
		if err != nil {
			fmt.Fprintln(stderr, "verifying the audit chain:", err)
			return 1
		}
		return printReport(report, stdout, stderr)
	}
	fmt.Fprintln(stderr, commandUsage)
	return 2
}

// printReport says what verifying the audit chain found: 0 when it holds.
func printReport(r auditchain.Report, stdout, stderr io.Writer) int {
	if r.Break != nil {
		fmt.Fprintf(stderr, "audit chain broken at %v\n%d events before it verify\n", r.Break, r.Events)
		return 1
	}
	fmt.Fprintf(stdout, "audit chain: %d events verify; last hash %s\n", r.Events, r.Head)
	return 0
}
