import { print, type GraphQLFormattedError } from "graphql";
import { CombinedError, type TypedDocumentNode } from "urql";
import { graphqlURL } from "./client";
import { apiErrors } from "./errors";

// A mutation that sends files, as a GraphQL multipart request
// (https://github.com/jaydenseric/graphql-multipart-request-spec): the
// operation with each file's variable null, the map of which part fills
// which variable, then the files. Sent with XMLHttpRequest, which tells
// the upload's progress (fetch does not), to the same endpoint as urql and
// with the session cookie as urql sends it (same-origin); the browser's
// Origin header is what the API's check of cross-site requests reads.
// The answer is typed as urql's: data, or a CombinedError that
// apiErrors() reads.

export interface UploadOptions {
  /** The share of the request sent so far, 0 to 1. */
  onProgress?: (share: number) => void;
  /** Aborts the upload; the answer is then { aborted: true }. */
  signal?: AbortSignal;
  /** Called on an UNAUTHENTICATED answer, as the urql client does (sign in again). */
  onSessionEnded?: () => void;
}

export interface UploadResult<Data> {
  data?: Data;
  error?: CombinedError;
  /** The user stopped it. */
  aborted?: boolean;
}

function operationName(query: TypedDocumentNode<unknown, never>): string | undefined {
  for (const d of query.definitions) {
    if (d.kind === "OperationDefinition") {
      return d.name?.value;
    }
  }
  return undefined;
}

/** Sets the value at a dotted path of an object (made of plain objects), e.g. "input.file". */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let at: Record<string, unknown> = target;
  for (const key of keys.slice(0, -1)) {
    const next = at[key];
    if (typeof next !== "object" || next === null) {
      throw new Error(`no object at ${key} of the variables' path ${path}`);
    }
    at = next as Record<string, unknown>;
  }
  at[keys[keys.length - 1] as string] = value;
}

/**
 * The multipart body: `files` maps a variable's path (e.g. "input.file")
 * to its file; that variable is sent null, and filled from its part.
 */
export function multipartBody<Data, Variables extends Record<string, unknown>>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  files: Record<string, File>,
): FormData {
  const vars = structuredClone(variables) as Record<string, unknown>;
  const map: Record<string, string[]> = {};
  const parts: [string, File][] = [];
  Object.entries(files).forEach(([path, file], i) => {
    setPath(vars, path, null);
    map[String(i)] = [`variables.${path}`];
    parts.push([String(i), file]);
  });
  const body = new FormData();
  body.append("operations", JSON.stringify({ query: print(query), variables: vars, operationName: operationName(query as TypedDocumentNode<unknown, never>) }));
  body.append("map", JSON.stringify(map));
  for (const [name, file] of parts) {
    body.append(name, file, file.name);
  }
  return body;
}

/** The answer to a request, as urql would give it. */
export function readAnswer<Data>(status: number, text: string): UploadResult<Data> {
  let body: { data?: Data | null; errors?: GraphQLFormattedError[] } | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === "object" && parsed !== null && ("data" in parsed || "errors" in parsed)) {
      body = parsed as typeof body;
    }
  } catch {
    body = undefined;
  }
  if (!body) {
    return { error: new CombinedError({ networkError: new Error(`the server answered ${status} without a GraphQL response`), response: { status } }) };
  }
  const errors = body.errors ?? [];
  return {
    data: body.data ?? undefined,
    // The HTTP status goes with the errors: a 413 says the body was too large.
    error: errors.length > 0 ? new CombinedError({ graphQLErrors: errors.map((e) => ({ ...e, extensions: e.extensions ?? {} })), response: { status } }) : undefined,
  };
}

/** Sends a mutation with files, telling its progress. Never rejects: failures are its error. */
export function sendWithFiles<Data, Variables extends Record<string, unknown>>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  files: Record<string, File>,
  options: UploadOptions = {},
): Promise<UploadResult<Data>> {
  return new Promise((resolve) => {
    if (options.signal?.aborted) {
      resolve({ aborted: true });
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open("POST", graphqlURL);
    // Same-origin, so the session cookie goes as with urql's credentials
    // "same-origin" (withCredentials stays false: no other origin's).
    xhr.setRequestHeader("Accept", "application/graphql-response+json, application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) {
        options.onProgress?.(Math.min(1, e.loaded / e.total));
      }
    };
    const onAbort = () => xhr.abort();
    options.signal?.addEventListener("abort", onAbort);
    const settle = (result: UploadResult<Data>) => {
      options.signal?.removeEventListener("abort", onAbort);
      if (apiErrors(result.error).some((e) => e.code === "UNAUTHENTICATED")) {
        options.onSessionEnded?.();
      }
      resolve(result);
    };
    xhr.onload = () => settle(readAnswer<Data>(xhr.status, xhr.responseText));
    xhr.onerror = () => settle({ error: new CombinedError({ networkError: new Error("the upload failed: the connection was lost or refused") }) });
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => settle({ aborted: true });
    xhr.send(multipartBody(query, variables, files));
  });
}
