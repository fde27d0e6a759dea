import { vi } from "vitest";

// A stand-in for XMLHttpRequest, for the uploads (src/api/upload.ts): it
// records what was sent and answers when the test says, telling the
// upload's progress on the way.

export class FakeXHR {
  static sent: FakeXHR[] = [];
  method = "";
  url = "";
  headers: Record<string, string> = {};
  body: FormData | null = null;
  withCredentials = false;
  status = 0;
  responseText = "";
  aborted = false;
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }

  send(body: FormData) {
    this.body = body;
    FakeXHR.sent.push(this);
  }

  abort() {
    this.aborted = true;
    this.onabort?.();
  }

  /** The browser has sent loaded bytes of total. */
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }

  /** The server answers. */
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = typeof body === "string" ? body : JSON.stringify(body);
    this.onload?.();
  }

  /** The connection failed. */
  fail() {
    this.onerror?.();
  }

  /** The operation sent, parsed. */
  operations(): { query: string; variables: Record<string, unknown>; operationName?: string } {
    return JSON.parse(String(this.body?.get("operations")));
  }
}

/** Replaces XMLHttpRequest until the test ends (vi.unstubAllGlobals), and forgets what was sent. */
export function stubXHR(): typeof FakeXHR {
  FakeXHR.sent = [];
  vi.stubGlobal("XMLHttpRequest", FakeXHR);
  return FakeXHR;
}

/** The last request sent. */
export function lastXHR(): FakeXHR {
  const x = FakeXHR.sent[FakeXHR.sent.length - 1];
  if (!x) {
    throw new Error("nothing was sent");
  }
  return x;
}
