package document

import (
	"archive/zip"
	"bytes"
	"testing"
)

// office returns a zip archive as an office suite writes one: an
// OpenDocument begins with its uncompressed mimetype entry, an OOXML
// document with its [Content_Types].xml and its part folder.
func office(t *testing.T, entries ...[2]string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, e := range entries {
		w, err := z.CreateHeader(&zip.FileHeader{Name: e[0], Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte(e[1]))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestMediaTypeByContent: the files offices exchange are accepted by
// what they are, whatever their name; what a browser would run, or an
// archive, is not.
func TestMediaTypeByContent(t *testing.T) {
	accept := map[string][]byte{
		"application/pdf": []byte("%PDF-1.7\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n"),
		"image/png":       {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
		"image/jpeg":      {0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0},
		"text/plain":      []byte("Verbale: la persona ha firmato il progetto.\nÈ presente l'assistente sociale.\n"),
		"application/vnd.oasis.opendocument.text": office(t, [2]string{"mimetype", "application/vnd.oasis.opendocument.text"},
			[2]string{"content.xml", "<office:document-content/>"}),
		"application/vnd.openxmlformats-officedocument.wordprocessingml.document": office(t,
			[2]string{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
			[2]string{"_rels/.rels", "<Relationships/>"}, [2]string{"word/document.xml", "<w:document/>"}),
	}
	for want, content := range accept {
		got, found := mediaType(content)
		if got == "" || !bytes.HasPrefix([]byte(got), []byte(want)) {
			t.Errorf("%s: accepted as %q (found %q)", want, got, found)
		}
	}
	refuse := map[string][]byte{
		"HTML":    []byte("<!DOCTYPE html><html><head><script>alert(1)</script></head></html>"),
		"SVG":     []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`),
		"a zip":   office(t, [2]string{"leggimi.txt", "ciao"}),
		"a PE":    append([]byte("MZ\x90\x00\x03\x00\x00\x00"), bytes.Repeat([]byte{0}, 120)...),
		"binary":  {0, 1, 2, 3, 4, 5, 0xfe, 0xff},
		"XML":     []byte(`<?xml version="1.0"?><note>ciao</note>`),
		"a shell": []byte("#!/bin/sh\nrm -rf /\n"),
	}
	for name, content := range refuse {
		if got, found := mediaType(content); got != "" {
			t.Errorf("%s accepted as %s (%s)", name, got, found)
		}
	}
}

// TestFileName: only the name is kept, without a path or control
// characters, within 255 characters.
func TestFileName(t *testing.T) {
	long := string(bytes.Repeat([]byte("à"), 300)) + ".pdf"
	for in, want := range map[string]string{
		`C:\Documenti\progetto.pdf`: "progetto.pdf",
		"../../etc/passwd":          "passwd",
		"verbale\x00\r\n.txt":       "verbale.txt",
		"  carta d'identità.jpg ":   "carta d'identità.jpg",
		"":                          "document",
		"..":                        "document",
		"cartella/":                 "document",
		long:                        string([]rune(long)[len([]rune(long))-255:]),
	} {
		if got := fileName(in); got != want {
			t.Errorf("fileName(%q) = %q, want %q", in, got, want)
		}
	}
}
