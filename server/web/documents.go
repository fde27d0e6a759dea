package web

import (
	"bytes"
	"errors"
	"log/slog"
	"mime"
	"net/http"
	"strconv"
	"time"

	"github.com/progetto-win/win/domain/gid"
	"github.com/progetto-win/win/server/document"
	"github.com/progetto-win/win/server/store"
)

// Files travel two ways (docs/documents.md): up inside a GraphQL
// multipart request (attachDocument), which gets the file's limit rather
// than a document's and a longer deadline, and down at a document's own
// address, read with the rights of reading the document.

// UploadTimeout bounds a request that sends a file: 10 MiB over a slow
// office line takes more than the 10 s other requests get.
const UploadTimeout = 2 * time.Minute

// multipartOverhead is what a multipart request carries besides its
// file: the operation, the map, the parts' headers.
const multipartOverhead = 64 << 10

// isUpload reports whether a request is a GraphQL multipart request.
func isUpload(r *http.Request) bool {
	if r.Method != http.MethodPost || r.URL.Path != "/graphql" {
		return false
	}
	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return mediaType == "multipart/form-data"
}

// withDocuments puts the documents' service in the request's context.
func withDocuments(docs *document.Service, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(document.NewContext(r.Context(), docs)))
	})
}

// downloadDocument serves a document's content to whoever may read the
// document, GET /download/documents/{id}, and records the download: as
// an attachment, never shown in the page, in a sandbox if it is opened,
// not kept by caches. A document the viewer may not read is not found; a
// removed or erased one is gone (410).
func downloadDocument(logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		d, content, err := document.From(ctx).Open(ctx, gid.ID(r.PathValue("id")))
		if errors.Is(err, document.ErrGone) {
			recordErrorCode(w, CodeConflict)
			http.Error(w, err.Error(), http.StatusGone)
			return
		}
		if err != nil {
			writeFailure(w, r, logger, "document download", err)
			return
		}
		h := w.Header()
		h.Set("Content-Type", d.MediaType)
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": d.FileName}))
		h.Set("Content-Security-Policy", "sandbox; default-src 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-store")
		h.Set("Content-Length", strconv.Itoa(len(content)))
		http.ServeContent(w, r, "", d.CreatedAt, bytes.NewReader(content))
	})
}

// writeFailure answers a file request that failed, in plain text, with
// the status of its code and never the cause of an internal error.
func writeFailure(w http.ResponseWriter, r *http.Request, logger *slog.Logger, what string, err error) {
	ctx := r.Context()
	code, message, _ := classify(ctx, err)
	status := map[string]int{CodeUnauthenticated: http.StatusUnauthorized, CodeForbidden: http.StatusForbidden,
		CodeBadUserInput: http.StatusBadRequest, CodeNotFound: http.StatusNotFound, CodeConflict: http.StatusConflict}[code]
	if code == CodeUnavailable {
		logger.WarnContext(ctx, "database unavailable", "error", err.Error(), "request_id", RequestID(ctx))
		w.Header().Set("Retry-After", strconv.Itoa(store.RetryAfter))
		status = http.StatusServiceUnavailable
	}
	if status == 0 {
		logger.ErrorContext(ctx, what, "error", err.Error(), "request_id", RequestID(ctx))
		status, message = http.StatusInternalServerError, "internal error; quote request "+RequestID(ctx)+" to the administrators"
	} else {
		recordErrorCode(w, code)
	}
	http.Error(w, message, status)
}
