package win

import (
	"go/ast"
	"go/constant"
	"go/types"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/parser"
	"golang.org/x/tools/go/packages"

	gqlast "github.com/vektah/gqlparser/v2/ast"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/audit"
)

// enumValues reads the values of an enum of the generated schema.
func enumValues(t *testing.T, name string) []string {
	t.Helper()
	src, err := os.ReadFile("graph/ent.graphql")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parser.ParseSchema(&gqlast.Source{Name: "ent.graphql", Input: string(src)})
	if err != nil {
		t.Fatal(err)
	}
	def := doc.Definitions.ForName(name)
	if def == nil || def.Kind != gqlast.Enum {
		t.Fatalf("graph/ent.graphql has no enum %s: run go generate .", name)
	}
	var out []string
	for _, v := range def.EnumValues {
		out = append(out, v.Name)
	}
	return out
}

// TestAuditEnumsFollowTheCode checks the enums the web app labels the
// audit log with: AuditAction is domain.AuditActions, and AuditEntityType
// has the name under which ent/audit records every ent type's changes.
func TestAuditEnumsFollowTheCode(t *testing.T) {
	if got, want := enumValues(t, "AuditAction"), domain.StringsOf(domain.AuditActions); !slices.Equal(got, want) {
		t.Errorf("enum AuditAction = %v, want domain.AuditActions %v: run go generate .", got, want)
	}
	entityTypes := enumValues(t, "AuditEntityType")
	clients := 0
	for f := range reflect.TypeFor[ent.Client]().Fields() {
		if f.Type.Kind() != reflect.Pointer || f.Type.Elem().Name() != f.Name+"Client" {
			continue // the config, the migration schema
		}
		clients++
		if f.Name == "AuditEvent" {
			continue // the log does not record its own events
		}
		if name := audit.EntityType(f.Name); !slices.Contains(entityTypes, string(name)) {
			t.Errorf("changes to %s are recorded as %q, not a value of enum AuditEntityType %v", f.Name, name, entityTypes)
		}
	}
	if clients < 20 {
		t.Fatalf("found %d ent types in ent.Client, want them all", clients)
	}
}

// TestAuditRecordsListedValues reads the module's code and fails where it
// records an action that domain.AuditActions does not list, or an object
// type that enum AuditEntityType does not: every constant of type
// domain.AuditAction or domain.AuditEntityType, every conversion to them
// and every value given to the ent builder's SetAction and SetEntityType.
// It fails too for a listed action no code records. Tests, which write
// events of their own, are not read.
func TestAuditRecordsListedValues(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the module")
	}
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	actions := domain.StringsOf(domain.AuditActions)
	entityTypes := enumValues(t, "AuditEntityType")
	listed := map[string][]string{"AuditAction": actions, "AuditEntityType": entityTypes}
	recorded := map[string]bool{}
	for _, pkg := range pkgs {
		for _, e := range pkg.Errors {
			t.Fatalf("%s: %v", pkg.PkgPath, e)
		}
		check := auditCheck{t: t, pkg: pkg, listed: listed, recorded: recorded}
		for _, file := range pkg.Syntax {
			if !ast.IsGenerated(file) {
				ast.Inspect(file, check.node)
			}
		}
	}
	for _, a := range domain.AuditActions {
		if !recorded[string(a)] && !slices.Contains(domain.CaseActions, domain.CaseAction(a)) {
			t.Errorf("domain.AuditActions lists %s, which no code records", a)
		}
	}
}

// auditCheck checks the nodes of a package's files.
type auditCheck struct {
	t        *testing.T
	pkg      *packages.Package
	listed   map[string][]string // by the domain type's name, its allowed values
	recorded map[string]bool     // the actions seen outside package domain
}

// auditType returns the name of the domain type of the audit vocabulary
// that typ is, if it is one.
func auditType(typ types.Type) (string, bool) {
	named, ok := types.Unalias(typ).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != module+"domain" {
		return "", false
	}
	name := named.Obj().Name()
	return name, name == "AuditAction" || name == "AuditEntityType"
}

func (c auditCheck) node(n ast.Node) bool {
	expr, ok := n.(ast.Expr)
	if !ok {
		return true
	}
	tv, ok := c.pkg.TypesInfo.Types[expr]
	if !ok {
		return true
	}
	if name, ok := auditType(tv.Type); ok && tv.Value != nil {
		c.constant(expr, name, tv.Value)
		return true
	}
	call, ok := expr.(*ast.CallExpr)
	if !ok {
		return true
	}
	if fun := c.pkg.TypesInfo.Types[call.Fun]; fun.IsType() && len(call.Args) == 1 {
		if name, ok := auditType(fun.Type); ok {
			c.conversion(call, name)
		}
		return true
	}
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok && len(call.Args) == 1 {
		if name, ok := map[string]string{"SetAction": "AuditAction", "SetEntityType": "AuditEntityType"}[sel.Sel.Name]; ok && c.auditBuilder(sel) {
			c.setter(call.Args[0], name)
		}
	}
	return true
}

// constant checks a constant value of an audit type.
func (c auditCheck) constant(expr ast.Expr, name string, v constant.Value) {
	s := constant.StringVal(v)
	if !slices.Contains(c.listed[name], s) {
		c.t.Errorf("%s: %s %q is not listed (domain.AuditActions; enum AuditEntityType)", c.pos(expr), name, s)
	}
	if name == "AuditAction" && c.pkg.PkgPath != module+"domain" {
		c.recorded[s] = true
	}
}

// conversion checks a conversion to an audit type: a constant is checked
// as such; a value must be a step of the pathway (every CaseAction is
// listed) or, for an object type, ent/audit's name of an ent type.
func (c auditCheck) conversion(call *ast.CallExpr, name string) {
	if c.pkg.TypesInfo.Types[call].Value != nil {
		return
	}
	from := c.pkg.TypesInfo.Types[call.Args[0]].Type
	switch {
	case name == "AuditAction" && types.TypeString(from, nil) == module+"domain.CaseAction":
	case name == "AuditEntityType" && c.pkg.PkgPath == module+"ent/audit":
	default:
		c.t.Errorf("%s: converts a %s to %s: record only listed values", c.pos(call), types.TypeString(from, nil), name)
	}
}

// setter checks what code gives SetAction or SetEntityType: a listed
// constant, or the string of a value of the audit type.
func (c auditCheck) setter(arg ast.Expr, name string) {
	tv := c.pkg.TypesInfo.Types[arg]
	if tv.Value != nil {
		c.constant(arg, name, tv.Value)
		return
	}
	if conv, ok := arg.(*ast.CallExpr); ok && len(conv.Args) == 1 && c.pkg.TypesInfo.Types[conv.Fun].IsType() {
		if got, ok := auditType(c.pkg.TypesInfo.Types[conv.Args[0]].Type); ok && got == name {
			return
		}
	}
	c.t.Errorf("%s: gives the audit log a %s that is not a domain.%s", c.pos(arg), strings.TrimPrefix(name, "Audit"), name)
}

// auditBuilder reports whether a method is the ent builder's of an audit
// event.
func (c auditCheck) auditBuilder(sel *ast.SelectorExpr) bool {
	s, ok := c.pkg.TypesInfo.Selections[sel]
	if !ok {
		return false
	}
	recv := types.TypeString(s.Recv(), nil)
	return strings.HasPrefix(recv, "*"+module+"ent.AuditEvent")
}

func (c auditCheck) pos(n ast.Node) string {
	return c.pkg.Fset.Position(n.Pos()).String()
}
