import type { CombinedError } from "urql";

/** The codes of WIN's API errors (extensions.code), plus NETWORK. */
export type ApiErrorCode =
  | "BAD_USER_INPUT"
  | "CONFLICT"
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "INTERNAL"
  | "NETWORK";

/** One error of a request, typed from its extensions. */
export interface ApiError {
  code: ApiErrorCode;
  /** The server's message (English, for details). */
  message: string;
  /** The input field a BAD_USER_INPUT refers to, e.g. "reason" or "newPerson.taxCode". */
  field?: string;
  /** The rest of the extensions, e.g. a CONFLICT's currentVersion and currentStatus. */
  extensions: Record<string, unknown>;
}

const known: readonly ApiErrorCode[] = ["BAD_USER_INPUT", "CONFLICT", "NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED", "INTERNAL"];

/** The errors of a urql result, typed; an unknown code counts as INTERNAL. */
export function apiErrors(error: CombinedError | undefined | null): ApiError[] {
  if (!error) {
    return [];
  }
  if (error.networkError) {
    return [{ code: "NETWORK", message: error.networkError.message, extensions: {} }];
  }
  return error.graphQLErrors.map((e) => {
    const ext = (e.extensions ?? {}) as Record<string, unknown>;
    const code = known.find((c) => c === ext.code) ?? "INTERNAL";
    const field = typeof ext.field === "string" ? ext.field : undefined;
    return { code, message: e.message, field, extensions: ext };
  });
}

/** The first error with a code, if any. */
export function findError(error: CombinedError | undefined | null, code: ApiErrorCode): ApiError | undefined {
  return apiErrors(error).find((e) => e.code === code);
}
