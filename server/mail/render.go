package mail

import (
	"bytes"
	"embed"
	"fmt"
	htmltemplate "html/template"
	"strings"
	"text/template"

	"github.com/progetto-win/win/domain"
)

//go:embed templates
var templates embed.FS

// The texts of each language (templates/it.tmpl, en.tmpl) and the two
// layouts every mail shares: plain text, and HTML escaped by html/template.
var (
	texts = map[domain.Language]*template.Template{
		domain.Italian: template.Must(template.ParseFS(templates, "templates/it.tmpl")),
		domain.English: template.Must(template.ParseFS(templates, "templates/en.tmpl")),
	}
	textLayout = template.Must(template.ParseFS(templates, "templates/layout.txt"))
	htmlLayout = htmltemplate.Must(htmltemplate.ParseFS(templates, "templates/layout.html"))
)

// line is one item of a mail: a sentence and the link to what it is about.
// Omitted stands for a link that must not be kept (a password link).
type line struct {
	Text    string
	Link    string
	Omitted string
}

// content is a mail before it is encoded: its subject and both parts.
type content struct {
	Subject string
	Text    string
	HTML    string
}

// facts are what a notification's sentence may say: codes, the tables'
// names, a directive's title (network text) and a day; never a person.
type facts struct {
	Case       string
	Table      string
	OtherTable string
	Directive  string
	Day        string
	Count      int
}

// say renders one of a language's texts.
func say(lang domain.Language, name string, data any) (string, error) {
	t := texts[lang]
	if t == nil || t.Lookup(name) == nil {
		return "", fmt.Errorf("mail: no %s text %q", lang, name)
	}
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	return strings.TrimSpace(b.String()), nil
}

// compose lays out a mail: the subject, an intro and the lines, in lang.
func compose(lang domain.Language, subject, intro string, lines []line) (content, error) {
	c := content{Subject: subject}
	data := map[string]any{"Subject": subject, "Intro": intro, "Lines": lines, "Lang": strings.ToLower(string(lang))}
	for key, name := range map[string]string{"Greeting": "greeting", "Footer": "footer", "Open": "open", "Omitted": "link.omitted"} {
		s, err := say(lang, name, nil)
		if err != nil {
			return c, err
		}
		data[key] = s
	}
	for i := range lines {
		if lines[i].Link == "" {
			lines[i].Omitted = data["Omitted"].(string)
		}
	}
	var t, h bytes.Buffer
	if err := textLayout.Execute(&t, data); err != nil {
		return c, err
	}
	if err := htmlLayout.Execute(&h, data); err != nil {
		return c, err
	}
	c.Text, c.HTML = t.String(), h.String()
	return c, nil
}

// Italian and English month names, for deadlines' days.
var months = map[domain.Language][]string{
	domain.Italian: {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
	domain.English: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// day writes a day as people of the language read it: "2 gennaio 2027".
func day(lang domain.Language, d *domain.Date) string {
	if d == nil {
		return ""
	}
	names := months[lang]
	if names == nil {
		names = months[domain.Italian]
	}
	return fmt.Sprintf("%d %s %d", d.Day(), names[d.Month()-1], d.Year())
}

// CheckTexts reports whether a kind has its subject and sentence in lang.
func CheckTexts(lang domain.Language, kind domain.EventKind) error {
	if _, err := say(lang, string(kind)+".subject", facts{}); err != nil {
		return err
	}
	_, err := say(lang, string(kind), facts{})
	return err
}
