package pathway

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gql "github.com/vektah/gqlparser/v2/ast"
	gqlparser "github.com/vektah/gqlparser/v2/parser"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent/casefile"
)

// The pathway is declared once, in domain.CaseSteps: these tests fail when
// a step exists somewhere else (the GraphQL schema, a step function, the
// CaseAction enum) and not in the table, or when a name of the table has
// no implementation here.

// notSteps are the mutations of graph/pathway.graphql that are not a step
// on a case, and why.
var notSteps = map[string]string{
	"referCase":          "creates the case: there is no case yet to take a step on",
	"setTableTimeLimits": "changes a table's time limits, not one case",
}

// schema parses the API's schema files, without validating them.
func schema(t *testing.T) map[string]*gql.SchemaDocument {
	t.Helper()
	files, err := filepath.Glob("../../graph/*.graphql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no schema files: %v", err)
	}
	docs := map[string]*gql.SchemaDocument{}
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := gqlparser.ParseSchema(&gql.Source{Name: f, Input: string(text)})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		docs[filepath.Base(f)] = doc
	}
	return docs
}

// enumValues returns the values of an enum of the schema.
func enumValues(t *testing.T, docs map[string]*gql.SchemaDocument, name string) []string {
	t.Helper()
	for _, doc := range docs {
		if def := doc.Definitions.ForName(name); def != nil {
			var out []string
			for _, v := range def.EnumValues {
				out = append(out, v.Name)
			}
			return out
		}
	}
	t.Fatalf("no enum %s in the schema", name)
	return nil
}

func TestEveryCaseMutationIsAStepOfTheTable(t *testing.T) {
	docs := schema(t)
	var mutations []string
	for _, ext := range docs["pathway.graphql"].Extensions {
		if ext.Name == "Mutation" {
			for _, f := range ext.Fields {
				mutations = append(mutations, f.Name)
			}
		}
	}
	steps := map[string]bool{}
	for _, s := range domain.CaseSteps {
		steps[s.Action.Mutation()] = true
		if !slices.Contains(mutations, s.Action.Mutation()) {
			t.Errorf("step %s has no mutation %s in graph/pathway.graphql", s.Action, s.Action.Mutation())
		}
	}
	for _, m := range mutations {
		if !steps[m] && notSteps[m] == "" {
			t.Errorf("mutation %s of graph/pathway.graphql is not a step of domain.CaseSteps: add its row, or say in notSteps why it is not a step", m)
		}
	}
}

func TestCaseActionEnumIsTheTable(t *testing.T) {
	got := enumValues(t, schema(t), "CaseAction")
	if want := domain.StringsOf(domain.CaseActions); !slices.Equal(got, want) {
		t.Errorf("enum CaseAction = %v, the table's steps are %v (same order: the order of allowedActions)", got, want)
	}
}

func TestActionBlockEnumIsTheDomains(t *testing.T) {
	got := enumValues(t, schema(t), "CaseActionBlock")
	if want := domain.StringsOf(domain.ActionBlocks); !slices.Equal(got, want) {
		t.Errorf("enum CaseActionBlock = %v, domain.ActionBlocks = %v", got, want)
	}
}

func TestStatusEnumsAreTheDomains(t *testing.T) {
	docs := schema(t)
	if got, want := enumValues(t, docs, "CaseStatus"), domain.StringsOf(domain.CaseStatuses); !slices.Equal(got, want) {
		t.Errorf("enum CaseStatus = %v, domain.CaseStatuses = %v", got, want)
	}
	if got, want := enumValues(t, docs, "OpenCaseStatus"), domain.StringsOf(domain.OpenCaseStatuses); !slices.Equal(got, want) {
		t.Errorf("enum OpenCaseStatus = %v, domain.OpenCaseStatuses = %v: run go generate", got, want)
	}
	for _, s := range domain.CaseStatuses {
		if err := casefile.StatusValidator(casefile.Status(s)); err != nil {
			t.Errorf("ent's casefile.Status lacks %s: run go generate", s)
		}
	}
	for _, s := range domain.OpenCaseStatuses {
		if slices.Contains(domain.EndedCaseStatuses, s) {
			t.Errorf("%s is both open and ended", s)
		}
	}
}

func TestEveryNameOfTheTableHasAnImplementation(t *testing.T) {
	for _, a := range domain.Actors {
		if _, ok := actors[a]; !ok {
			t.Errorf("actor %s has no entry in actors", a)
		}
	}
	for _, p := range domain.Preconditions {
		if _, ok := preconditions[p]; !ok {
			t.Errorf("precondition %s has no check in preconditions", p)
		}
	}
	seen := map[domain.CaseAction]bool{}
	for _, s := range domain.CaseSteps {
		if seen[s.Action] {
			t.Errorf("step %s is twice in the table", s.Action)
		}
		seen[s.Action] = true
		if _, ok := actors[s.Who]; !ok {
			t.Errorf("step %s: actor %q has no entry in actors", s.Action, s.Who)
		}
		for _, p := range s.Needs {
			if _, ok := preconditions[p]; !ok {
				t.Errorf("step %s: precondition %q has no check", s.Action, p)
			}
		}
		for _, from := range s.From {
			if !slices.Contains(domain.CaseStatuses, from) {
				t.Errorf("step %s starts from %q, not a status", s.Action, from)
			}
			if s.To != "" && !domain.CanMove(domain.CaseTransitions, string(from), string(s.To)) {
				t.Errorf("step %s leads from %s to %s, which the ent hook's transitions refuse", s.Action, from, s.To)
			}
		}
		if s.To != "" && len(s.From) == 0 {
			t.Errorf("step %s leads to %s from any status: name the statuses it starts from", s.Action, s.To)
		}
	}
}

// TestEveryStepFunctionBeginsAStepOfTheTable reads this package's source:
// each step of the table is begun by exactly one function (begin or
// beginOn with its action), and no function begins an action the table
// does not have.
func TestEveryStepFunctionBeginsAStepOfTheTable(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	begun := map[string][]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil || fn.Name.Name == "beginOn" {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) < 2 {
					return true
				}
				if name, ok := call.Fun.(*ast.Ident); ok && (name.Name == "begin" || name.Name == "beginOn") {
					sel, ok := call.Args[1].(*ast.SelectorExpr)
					if !ok {
						t.Errorf("%s: %s begins a step whose action is not a constant of domain", fset.Position(call.Pos()), fn.Name.Name)
						return true
					}
					begun[sel.Sel.Name] = append(begun[sel.Sel.Name], fn.Name.Name)
				}
				return true
			})
		}
	}
	inTable := map[string]bool{}
	for _, s := range domain.CaseSteps {
		name := "Action" + strings.ToUpper(s.Action.Mutation()[:1]) + s.Action.Mutation()[1:]
		inTable[name] = true
		if len(begun[name]) != 1 {
			t.Errorf("step %s (domain.%s) is begun by %v, want exactly one function", s.Action, name, begun[name])
		}
	}
	for name, fns := range begun {
		if !inTable[name] {
			t.Errorf("%v begin domain.%s, which is not a step of domain.CaseSteps", fns, name)
		}
	}
}
