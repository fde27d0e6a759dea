// Command faults drives a running WIN server with concurrent pathway
// steps and reads while a fault is injected (a PostgreSQL restart, a
// SIGKILL of the server), records every write answered with success, and
// then checks them in the database: none lost, none half-applied.
//
//	go run ./bench/faults run -server http://127.0.0.1:18090 -db URL -state state.json [-fault 'cmd' -fault-at 8s]
//	go run ./bench/faults verify -db URL -state state.json
//
// The scripts beside it (postgres-restart.sh, sigkill.sh, storage.sh)
// start the server and the fault; docs/faults.md says what they measure.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: faults run|verify [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "run":
		err = runCommand(os.Args[2:])
	case "verify":
		err = verifyCommand(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q: run or verify", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "faults:", err)
		os.Exit(1)
	}
}

// state is what run leaves for verify: the cases written, as they were
// before, and every write tried and answered with success.
type state struct {
	Started time.Time        `json:"started"`
	Cases   map[string]trace `json:"cases"` // before the run, by case ID
	Writes  []write          `json:"writes"`
}

// trace is what the steps of the run write on a case: its version, the
// timeline events of updatePlan and addNote, and their audit events. A
// step writes all three or none.
type trace struct {
	Version     int    `json:"version"`
	PlanEvents  int    `json:"planEvents"`
	PlanAudits  int    `json:"planAudits"`
	NoteEvents  int    `json:"noteEvents"`
	NoteAudits  int    `json:"noteAudits"`
	Notes       int    `json:"notes"` // of this run's notes, found by their text
	PlanSummary string `json:"planSummary"`
}

// write is one step tried: updatePlan or addNote on a case, its text
// unique to it, and whether the server answered success.
type write struct {
	Kind  string `json:"kind"` // plan or note
	Case  string `json:"case"`
	Text  string `json:"text"`
	Acked bool   `json:"acked"`
}

func saveState(path string, s *state) error {
	b, err := json.MarshalIndent(s, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o600)
}

func loadState(path string) (*state, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s := &state{}
	return s, json.Unmarshal(b, s)
}

func flags(name string) *flag.FlagSet { return flag.NewFlagSet(name, flag.ExitOnError) }
