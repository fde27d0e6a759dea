package web

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/progetto-win/win/domain"
	"github.com/progetto-win/win/domain/fault"
	"github.com/progetto-win/win/domain/viewer"
	"github.com/progetto-win/win/server/caseimport"
	"github.com/progetto-win/win/server/store"
)

// Importing an existing caseload (docs/import.md):
//
//	GET  /import/cases/template.csv?lang=it
//	POST /import/cases?mode=preview&onError=abort&format=json&lang=it   (multipart/form-data, the file in part "file")
//
// The file is read from the request as it arrives, never whole: the
// multipart part straight into the CSV reader (server/caseimport).

const (
	caseImportPath         = "/import/cases"
	caseImportTemplatePath = "/import/cases/template.csv"
)

// MaxImportBytes bounds the body of an import request: 20 MiB, ten times
// a file of 10,000 rows.
const MaxImportBytes = 20 << 20

// CaseImportTimeout bounds an import request: its upload, checking and
// writing. 10,000 rows take seconds on PostgreSQL (docs/import.md).
const CaseImportTimeout = 3 * time.Minute

// CaseImportsAtOnce bounds the imports a server process runs at once:
// each holds a transaction, and on SQLite the database's one writer, for
// as long as it takes.
const CaseImportsAtOnce = 2

// caseImportParams are the parameters an import takes.
var caseImportParams = []string{"mode", "onError", "format", "lang"}

// caseImportDeadline is the deadline of a request: an import gets
// CaseImportTimeout if that is longer than the timeout, to be read and
// to be answered (the server's read and write timeouts are shorter).
func caseImportDeadline(w http.ResponseWriter, r *http.Request, timeout time.Duration) time.Duration {
	if r.Method != http.MethodPost || r.URL.Path != caseImportPath || timeout >= CaseImportTimeout {
		return timeout
	}
	return longRequest(w, CaseImportTimeout, true)
}

// caseImportTemplate serves the import's template to whoever is signed
// in: UTF-8 with a byte order mark, semicolons, the Italian headers
// (lang=en: the English ones), no rows.
func caseImportTemplate(logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if viewer.FromContext(r.Context()) == nil {
			writeImportFailure(w, r, logger, fault.ErrUnauthenticated)
			return
		}
		lang := r.URL.Query().Get("lang")
		if lang == "" {
			lang = "it"
		}
		if lang != "it" && lang != "en" {
			writeImportFailure(w, r, logger, fault.Invalidf("lang", "give it or en"))
			return
		}
		name := "modello_importazione_casi.csv"
		if lang == "en" {
			name = "case_import_template.csv"
		}
		h := w.Header()
		h.Set("Content-Type", "text/csv; charset=utf-8")
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
		h.Set("Cache-Control", "no-store")
		_ = caseimport.WriteTemplate(w, lang)
	})
}

// importCases previews or imports a file of cases (caseimport.Run) and
// answers the report: JSON, or CSV with format=csv or Accept: text/csv.
// 200 for a preview and an import done; 422, with the report, for an
// import refused because of its rows (onError=abort); 400 for a file
// that cannot be read, 401, 403, 413, 429 as elsewhere.
func importCases(logger *slog.Logger) http.Handler {
	slots := make(chan struct{}, CaseImportsAtOnce)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		fail := func(err error) { writeImportFailure(w, r, logger, err) }
		if viewer.FromContext(ctx) == nil {
			fail(fault.ErrUnauthenticated)
			return
		}
		opts, asCSV, lang, err := readCaseImport(r)
		if err != nil {
			fail(err)
			return
		}
		if r.ContentLength > MaxImportBytes {
			fail(errTooLarge)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, MaxImportBytes)
		file, err := filePart(r)
		if err != nil {
			fail(err)
			return
		}
		select {
		case slots <- struct{}{}:
			defer func() { <-slots }()
		default:
			tooMany(w, 30*time.Second, "at most "+strconv.Itoa(CaseImportsAtOnce)+" imports run at once: try again shortly")
			return
		}
		report, err := caseimport.Run(ctx, file, opts)
		if err != nil {
			fail(err)
			return
		}
		status := http.StatusOK
		if opts.Mode == caseimport.Import && !report.Imported {
			status = http.StatusUnprocessableEntity
			recordErrorCode(w, CodeBadUserInput)
		}
		h := w.Header()
		h.Set("Cache-Control", "no-store")
		if asCSV {
			h.Set("Content-Type", "text/csv; charset=utf-8")
			name := "importazione_" + string(opts.Mode) + "_" + domain.Today().String() + ".csv"
			h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
			w.WriteHeader(status)
			_ = report.WriteCSV(w, lang, neutralised)
			return
		}
		h.Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(report)
	})
}

// errTooLarge is the refusal of a body past MaxImportBytes.
var errTooLarge = errors.New("too large")

// readCaseImport reads and checks the request's parameters.
func readCaseImport(r *http.Request) (opts caseimport.Options, asCSV bool, lang string, err error) {
	q := r.URL.Query()
	for name, values := range q {
		if !slices.Contains(caseImportParams, name) {
			return opts, false, "", fault.Invalidf(name, "an import takes %s only", strings.Join(caseImportParams, ", "))
		}
		if len(values) > 1 {
			return opts, false, "", fault.Invalidf(name, "give it once")
		}
	}
	opts.Mode = caseimport.Mode(q.Get("mode"))
	if opts.Mode == "" {
		opts.Mode = caseimport.Preview
	}
	if opts.Mode != caseimport.Preview && opts.Mode != caseimport.Import {
		return opts, false, "", fault.Invalidf("mode", "give preview or import")
	}
	opts.OnError = caseimport.OnError(q.Get("onError"))
	if opts.OnError == "" {
		opts.OnError = caseimport.Abort
	}
	if opts.OnError != caseimport.Abort && opts.OnError != caseimport.Skip {
		return opts, false, "", fault.Invalidf("onError", "give abort or skip")
	}
	switch q.Get("format") {
	case "csv":
		asCSV = true
	case "json":
	case "":
		// The first media type the client accepts decides.
		first, _, _ := strings.Cut(r.Header.Get("Accept"), ",")
		accept, _, _ := mime.ParseMediaType(strings.TrimSpace(first))
		asCSV = accept == "text/csv"
	default:
		return opts, false, "", fault.Invalidf("format", "give json or csv")
	}
	lang = q.Get("lang")
	if lang == "" {
		lang = "it"
	}
	if lang != "it" && lang != "en" {
		return opts, false, "", fault.Invalidf("lang", "give it or en")
	}
	return opts, asCSV, lang, nil
}

// filePart returns the reader of the request's part "file", its parts
// read in turn and none kept: the file goes on from the body as it is
// read.
func filePart(r *http.Request) (io.Reader, error) {
	if mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mediaType != "multipart/form-data" {
		return nil, fault.Invalidf("file", "send the file as multipart/form-data, in a part named file")
	}
	parts, err := r.MultipartReader()
	if err != nil {
		return nil, fault.Invalidf("file", "the multipart body cannot be read: %v", err)
	}
	for {
		part, err := parts.NextPart()
		if errors.Is(err, io.EOF) {
			return nil, fault.Invalidf("file", "no part named file: send the CSV file in a part named file")
		}
		if err != nil {
			var big *http.MaxBytesError
			if errors.As(err, &big) {
				return nil, errTooLarge
			}
			return nil, fault.Invalidf("file", "the multipart body cannot be read: %v", err)
		}
		if part.FormName() == "file" {
			return part, nil
		}
		if _, err := io.Copy(io.Discard, part); err != nil {
			return nil, err
		}
	}
}

// writeImportFailure answers an import request that failed, as JSON in
// the shape of the API's errors (auth.WriteError) with the field when
// there is one: the status of its code, never the cause of an internal
// error.
func writeImportFailure(w http.ResponseWriter, r *http.Request, logger *slog.Logger, err error) {
	ctx := r.Context()
	var big *http.MaxBytesError
	code, message, field := classify(ctx, err)
	status := map[string]int{CodeUnauthenticated: http.StatusUnauthorized, CodeForbidden: http.StatusForbidden,
		CodeBadUserInput: http.StatusBadRequest, CodeNotFound: http.StatusNotFound, CodeConflict: http.StatusConflict}[code]
	switch {
	case errors.Is(err, errTooLarge) || errors.As(err, &big):
		code, message, field, status = CodeBadUserInput, "the request is larger than "+strconv.Itoa(MaxImportBytes>>20)+" MiB: split the file", "file", http.StatusRequestEntityTooLarge
	case ctx.Err() != nil:
		code, message, field, status = CodeTimeout, "the import took longer than "+CaseImportTimeout.String()+" and was undone: split the file", "", http.StatusServiceUnavailable
	case code == CodeUnavailable:
		logger.WarnContext(ctx, "database unavailable", "error", err.Error(), "request_id", RequestID(ctx))
		w.Header().Set("Retry-After", strconv.Itoa(store.RetryAfter))
		status = http.StatusServiceUnavailable
	case status == 0:
		logger.ErrorContext(ctx, "case import", "error", err.Error(), "request_id", RequestID(ctx))
		code, message, field, status = CodeInternal, "internal error; quote request "+RequestID(ctx)+" to the administrators", "", http.StatusInternalServerError
	}
	recordErrorCode(w, code)
	extensions := map[string]string{"code": code}
	if field != "" {
		extensions["field"] = field
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{"message": message, "extensions": extensions}},
		"data":   nil,
	})
}
