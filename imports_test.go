package win

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/progetto-win/win/"

// layers says what each part of the module may import of the module:
// graph → server/* → ent → domain, so that the vocabulary is read without
// the data layer and the data layer without the services. The first
// prefix a directory matches is its layer; the HTTP handler (server/web),
// the process (server) and the tools (bench) sit above the API and may
// import all of it.
var layers = []struct {
	dir     string   // a directory prefix, relative to the module
	forbids []string // the module's packages it must not import
}{
	{"domain", []string{"ent", "server", "graph", "bench"}},
	{"ent", []string{"server", "graph", "bench"}},
	{"server/web", nil},
	{"server/webtest", nil},
	{"server/", []string{"graph", "bench"}},
}

// TestImportsGoOneWay fails when a package's code imports a layer above
// its own. Tests may use the harness of a layer above (storetest's two
// databases).
func TestImportsGoOneWay(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (path == "frontend" || path == ".git" || path == "bin") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		dir := filepath.ToSlash(filepath.Dir(path))
		for _, layer := range layers {
			if dir != layer.dir && !strings.HasPrefix(dir, strings.TrimSuffix(layer.dir, "/")+"/") {
				continue
			}
			f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
			if err != nil {
				return err
			}
			for _, spec := range f.Imports {
				imported, _ := strconv.Unquote(spec.Path.Value)
				for _, forbidden := range layer.forbids {
					if imported == module+forbidden || strings.HasPrefix(imported, module+forbidden+"/") {
						t.Errorf("%s imports %s: %s/ may not import %s/", path, imported, layer.dir, forbidden)
					}
				}
			}
			return nil
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
