package web

import (
	"maps"
	"os"
	"regexp"
	"slices"
	"testing"
)

// TestAppOperations: the operation names the statement count is labelled
// with are exactly the web app's, as graphql-codegen lists them.
func TestAppOperations(t *testing.T) {
	generated, err := os.ReadFile("../../frontend/src/gql/graphql.ts")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`"kind":"OperationDefinition","operation":"[a-z]+","name":\{"kind":"Name","value":"(\w+)"`)
	app := map[string]bool{}
	for _, m := range re.FindAllStringSubmatch(string(generated), -1) {
		app[m[1]] = true
	}
	if len(app) == 0 {
		t.Fatal("no operation found in frontend/src/gql/graphql.ts: has its format changed?")
	}
	for _, name := range slices.Sorted(maps.Keys(app)) {
		if !appOperations[name] {
			t.Errorf("the web app's operation %s is missing from appOperations", name)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(appOperations)) {
		if !app[name] {
			t.Errorf("appOperations names %s, which the web app no longer has", name)
		}
	}
}
