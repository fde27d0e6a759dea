// Posts a file to the import's route as multipart/form-data, in the part
// named "file" (docs/import.md, "HTTP"). XMLHttpRequest, as for the
// documents' uploads (src/api/upload.ts), because it tells the upload's
// progress and fetch does not; same-origin, so the browser sends the
// session cookie and its Origin, which the server requires of a cookie's
// POST. The answer is returned as it came: the page reads it (model.ts).

export interface PostOptions {
  /** The share of the request sent so far, 0 to 1. */
  onProgress?: (share: number) => void;
  /** Aborts the request; the answer is then { aborted: true }. */
  signal?: AbortSignal;
  /** The body as a Blob (a CSV report to save) rather than as text. */
  asBlob?: boolean;
}

export interface Posted {
  status: number;
  /** The body as text: the JSON report or error ("" for a Blob answered 200). */
  text: string;
  /** The body itself, when asked asBlob. */
  blob?: Blob;
  retryAfter: string | null;
  disposition: string | null;
}

/** The outcome of a post: the answer, or that the user stopped it, or that the connection failed. */
export type PostResult = Posted | { aborted: true } | { networkError: true };

/** Posts file to url. Never rejects: failures are its result. */
export function postFile(url: string, file: File, options: PostOptions = {}): Promise<PostResult> {
  return new Promise((resolve) => {
    if (options.signal?.aborted) {
      resolve({ aborted: true });
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    if (options.asBlob) {
      xhr.responseType = "blob";
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) {
        options.onProgress?.(Math.min(1, e.loaded / e.total));
      }
    };
    const onAbort = () => xhr.abort();
    options.signal?.addEventListener("abort", onAbort);
    const settle = (result: PostResult) => {
      options.signal?.removeEventListener("abort", onAbort);
      resolve(result);
    };
    xhr.onload = async () => {
      const blob = options.asBlob ? (xhr.response as Blob) : undefined;
      // A Blob is read as text only when it is not the file asked for: an error's JSON.
      const text = !blob ? xhr.responseText : xhr.status === 200 ? "" : await blob.text();
      settle({
        status: xhr.status,
        text,
        blob,
        retryAfter: xhr.getResponseHeader("Retry-After"),
        disposition: xhr.getResponseHeader("Content-Disposition"),
      });
    };
    xhr.onerror = () => settle({ networkError: true });
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => settle({ aborted: true });
    const body = new FormData();
    body.append("file", file, file.name);
    xhr.send(body);
  });
}

/** Saves a Blob as a download named name, as a link to it would. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked once the download has taken the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
