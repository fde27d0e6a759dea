package win

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// skipped are paths that generation neither reads nor writes.
func skipped(rel string) bool {
	for _, prefix := range []string{".git", "bin", "frontend"} {
		if rel == prefix || strings.HasPrefix(rel, prefix+string(filepath.Separator)) {
			return true
		}
	}
	return strings.HasSuffix(rel, ".db") || strings.HasSuffix(rel, ".db-wal") || strings.HasSuffix(rel, ".db-shm")
}

// snapshot reads every file of the tree, by relative path.
func snapshot(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if rel != "." && skipped(rel) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			files[rel] = b
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestGeneratedCodeIsCurrent runs `make generate`'s generator on a copy of
// the tree and fails if any file comes out different: generated code that
// was edited by hand, or not regenerated after a schema change.
func TestGeneratedCodeIsCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("regenerates all code (about a minute); skipped with -short")
	}
	want := snapshot(t, ".")
	dir := t.TempDir()
	for rel, b := range want {
		path := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "generate", ".")
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("go generate failed: %v\n%s", err, out.String())
	}
	got := snapshot(t, dir)
	for rel, b := range got {
		if old, ok := want[rel]; !ok {
			t.Errorf("generation adds %s: run `make generate` and commit", rel)
		} else if !bytes.Equal(old, b) {
			t.Errorf("%s differs from what `make generate` writes: regenerate, never edit by hand", rel)
		}
	}
	for rel := range want {
		if _, ok := got[rel]; !ok {
			t.Errorf("generation removes %s", rel)
		}
	}
}
