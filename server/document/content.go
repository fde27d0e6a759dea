package document

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gabriel-vasile/mimetype"
)

// accepted are the types of file a document may be, found in its
// content (mimetype), never in its name: what offices exchange and no
// browser runs — no HTML, SVG, scripts or archives.
var accepted = []string{
	"application/pdf",
	"image/png",
	"image/jpeg",
	"application/vnd.oasis.opendocument.text",
	"application/vnd.oasis.opendocument.spreadsheet",
	"application/vnd.oasis.opendocument.presentation",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"application/vnd.openxmlformats-officedocument.presentationml.presentation",
	"text/plain",
	"text/csv",
}

// Office documents are zip archives whose entries tell their kind, and
// may come after the first 3 KiB mimetype reads by default: a document is
// at most a few MiB, read whole.
func init() { mimetype.SetLimit(0) }

// AcceptedTypes says in words which files are accepted, for errors.
const AcceptedTypes = "PDF, PNG, JPEG, OpenDocument or Office documents, plain text"

// mediaType returns the type of a file's content if it is accepted, or
// "" and the type found.
func mediaType(content []byte) (accept string, found string) {
	t := mimetype.Detect(content)
	for _, a := range accepted {
		if t.Is(a) {
			return t.String(), t.String()
		}
	}
	return "", t.String()
}

// fileName is the name a file is kept under: its last path element,
// without control characters, at most 255 characters; "document" if
// nothing is left.
func fileName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if r := []rune(name); len(r) > 255 {
		name = string(r[len(r)-255:])
	}
	if name == "" || name == "." || name == ".." {
		return "document"
	}
	return name
}
