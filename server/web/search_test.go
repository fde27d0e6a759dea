package web_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/ent/casefile"
	"github.com/progetto-win/win/ent/outcome"
	"github.com/progetto-win/win/server/demo"
	"github.com/progetto-win/win/server/store"
	"github.com/progetto-win/win/server/store/storetest"
	"github.com/progetto-win/win/server/webtest"
)

// searchDoc is the case list's search, with the identity the viewer reads.
const searchDoc = `query($text: String!, $where: CaseWhereInput) {
  searchCases(text: $text, first: 20, where: $where) {
    totalCount
    edges { node { id person { identity { lastName } } } }
  }
}`

// searched is the answer of searchDoc.
type searched struct {
	TotalCount int `json:"totalCount"`
	Edges      []struct {
		Node struct {
			ID     gid.ID `json:"id"`
			Person struct {
				Identity *struct {
					LastName string `json:"lastName"`
				} `json:"identity"`
			} `json:"person"`
		} `json:"node"`
	} `json:"edges"`
}

// search returns the IDs of the cases a viewer's search finds, and
// whether each came with its identity.
func search(t *testing.T, a *webtest.API, text string, where map[string]any) map[gid.ID]bool {
	t.Helper()
	var out searched
	a.Must(searchDoc, map[string]any{"text": text, "where": where}, &out)
	found := map[gid.ID]bool{}
	for _, e := range out.Edges {
		found[e.Node.ID] = e.Node.Person.Identity != nil
	}
	if out.TotalCount != len(found) {
		t.Errorf("search %q: totalCount %d for %d cases", text, out.TotalCount, len(found))
	}
	return found
}

// identify gives the person of a case an identity.
func (w *world) identify(id gid.ID, first, last, taxCode string) {
	per := w.Client.CaseFile.GetX(w.Ctx, id).QueryPerson().OnlyX(w.Ctx)
	w.Client.PersonIdentity.Create().SetPerson(per).SetFirstName(first).SetLastName(last).
		SetBirthDate(webtest.Day(1980, 1, 1)).SetTaxCode(taxCode).ExecX(w.Ctx)
}

// TestSearchCases finds cases by the names and tax codes of the persons
// whose identity the viewer may read, however typed, and by nothing
// else for everyone else; each search is audited without its results.
func TestSearchCases(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		steering := webtest.As(t, w.Base, demo.SteeringEmail)
		admin := webtest.As(t, w.Base, demo.AdminEmail)
		taxCode := "DLSNCL80A01D403" + string(domain.TaxCodeCheckChar("DLSNCL80A01D403"))
		open, _ := w.CaseIn(casefile.StatusInCharge)
		w.identify(open, "Nicolò", "D'Àlessandro-Testa", taxCode)

		// The table's members find the open case by surname, surname and
		// name, name and surname, and tax code, however accented, spaced
		// or capitalised, and read the identity with it.
		for _, text := range []string{"d'ales", "DALESSANDRO", "dàlessandro testa nic", "nicolo d'al", strings.ToLower(taxCode[:8] + " " + taxCode[8:])} {
			for name, member := range map[string]*webtest.API{"coordinator": w.Coord, "operator": w.Op} {
				if got := search(t, member, text, nil); !got[open] || len(got) != 1 {
					t.Errorf("the %s searching %q found %v, want the open case %s with its identity", name, text, got, open)
				}
			}
		}
		// The first letters, not any part: nor a wrong check character.
		for _, text := range []string{"alessandro", "testa", taxCode[:15] + "X"} {
			if got := search(t, w.Coord, text, nil); got[open] {
				t.Errorf("searching %q found the case", text)
			}
		}
		// Another table's operator, and the committee, who read no
		// identity, learn nothing from a name or a tax code; the committee
		// still finds the case by its code.
		for _, text := range []string{"dalessandro", taxCode} {
			if got := search(t, w.Vinci, text, nil); len(got) != 0 {
				t.Errorf("the Vinci operator searching %q found %v", text, got)
			}
			if got := search(t, steering, text, nil); len(got) != 0 {
				t.Errorf("the committee searching %q found %v", text, got)
			}
		}
		code := w.Client.CaseFile.GetX(w.Ctx, open).Code
		if got := search(t, steering, strings.ToLower(code), nil); len(got) != 1 || got[open] {
			t.Errorf("the committee searching the code found %v, want the case without its identity", got)
		}
		// The list's filters apply to the search.
		if got := search(t, w.Coord, "dalessandro", map[string]any{"status": "CLOSED"}); len(got) != 0 {
			t.Errorf("a search of closed cases found the open one: %v", got)
		}

		// A closed case's person stays identifiable to the table, and
		// found by name, while a follow-up is still to record; then not.
		closed, _ := w.CaseIn(casefile.StatusClosed)
		w.identify(closed, "Ada", "Zanobini", "ZNBDAA80A41D403"+string(domain.TaxCodeCheckChar("ZNBDAA80A41D403")))
		followUp := w.Client.Outcome.Create().SetCaseID(closed).SetKind(outcome.KindEmploymentPermanent).
			SetValueDimension(outcome.ValueDimensionEconomic).SetAchievedOn(domain.Today().AddDays(-20)).
			SetFollowUpDueOn(domain.Today()).SaveX(w.Ctx)
		if got := search(t, w.Coord, "zanob", nil); !got[closed] {
			t.Errorf("with a follow-up to record, the closed case was not found with its identity: %v", got)
		}
		followUp.Update().SetFollowedUpOn(domain.Today()).SetStillHeld(true).ExecX(w.Ctx)
		if got := search(t, w.Coord, "zanob", nil); len(got) != 0 {
			t.Errorf("once followed up, the closed case was still found by name: %v", got)
		}
		if got := search(t, w.Coord, w.Client.CaseFile.GetX(w.Ctx, closed).Code, nil); len(got) != 1 || got[closed] {
			t.Errorf("once followed up, the closed case was not found by code without its identity: %v", got)
		}

		// Too short or too long a text is refused on its field.
		for _, text := range []string{" a ", strings.Repeat("x", 101)} {
			webtest.Refused(t, w.Coord.Send(searchDoc, map[string]any{"text": text}, nil), "BAD_USER_INPUT", "text")
		}

		// Each search is audited: who, what, how many; not which.
		var log struct {
			Edges []struct {
				Node struct {
					EntityType string  `json:"entityType"`
					EntityID   *string `json:"entityID"`
					Changes    string  `json:"changes"`
					Actor      struct {
						ID gid.ID `json:"id"`
					} `json:"actor"`
				} `json:"node"`
			} `json:"edges"`
		}
		admin.Must(`{ auditEvents(first: 100, where: {action: "SEARCH_CASES"}) {
			edges { node { entityType entityID changes actor { id } } } } }`, nil, &log)
		var coordinatorFound map[string]int
		for _, e := range log.Edges {
			n := e.Node
			if n.EntityType != "Case" || n.EntityID != nil && *n.EntityID != "" {
				t.Errorf("a search's event names an object: %+v", n)
			}
			var s struct {
				Text    string `json:"text"`
				Results int    `json:"results"`
			}
			if err := json.Unmarshal([]byte(n.Changes), &s); err != nil {
				t.Fatalf("a search's event: %v", err)
			}
			if n.Actor.ID == w.CoordID {
				if coordinatorFound == nil {
					coordinatorFound = map[string]int{}
				}
				coordinatorFound[s.Text] += s.Results
			}
		}
		if coordinatorFound["d'ales"] != 1 || coordinatorFound["alessandro"] != 0 || len(coordinatorFound) < 9 {
			t.Errorf("the coordinator's searches as audited: %v", coordinatorFound)
		}
	})
}
