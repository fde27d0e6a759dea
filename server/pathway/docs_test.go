package pathway

import (
	"os"
	"regexp"
	"slices"
	"testing"

	"github.com/progetto-win/win/domain"
)

// TestDomainDocDescribesEveryStep keeps the step table of docs/domain.md,
// the one place a reader learns the pathway without reading Go, in step
// with domain.CaseSteps: a step added or removed in the table and not in
// the document fails here.
func TestDomainDocDescribesEveryStep(t *testing.T) {
	text, err := os.ReadFile("../../docs/domain.md")
	if err != nil {
		t.Fatal(err)
	}
	// The step table is in the section on the pathway; the first cell of
	// each of its rows names mutations.
	section := regexp.MustCompile("(?s)\n## The case pathway\n.*?(\n## |$)").Find(text)
	if section == nil {
		t.Fatal("docs/domain.md has no section \"The case pathway\"")
	}
	rows := regexp.MustCompile("(?m)^\\| (`[a-zA-Z]+`(?:, `[a-zA-Z]+`)*) \\|")
	names := regexp.MustCompile("`([a-zA-Z]+)`")
	var documented []string
	for _, row := range rows.FindAllStringSubmatch(string(section), -1) {
		for _, n := range names.FindAllStringSubmatch(row[1], -1) {
			documented = append(documented, n[1])
		}
	}
	for _, s := range domain.CaseSteps {
		if !slices.Contains(documented, s.Action.Mutation()) {
			t.Errorf("docs/domain.md's step table has no row for %s", s.Action.Mutation())
		}
	}
	for _, name := range documented {
		if _, isStep := notSteps[name]; isStep {
			continue
		}
		if !slices.ContainsFunc(domain.CaseSteps, func(s domain.CaseStep) bool { return s.Action.Mutation() == name }) {
			t.Errorf("docs/domain.md describes %s, which is not a step of domain.CaseSteps", name)
		}
	}
}
