import type { IntlShape } from "react-intl";
import { z } from "zod";
import { CombinedError } from "urql";
import { apiErrors, type ApiError } from "../../api/errors";
import type { DocumentKind } from "../../gql/graphql";

// What the documents' screens decide before drawing: which kinds an
// object takes (the API's rule, docs/documents.md), how a size and a type
// of file read, and where an error of an upload goes.

/** The kinds a case takes; identity documents and consent forms only for those who read the person's identity. */
export function caseKinds(readsIdentity: boolean): DocumentKind[] {
  return readsIdentity ? ["SIGNED_PLAN", "CONSENT_FORM", "IDENTITY_DOCUMENT", "EVIDENCE", "OTHER"] : ["SIGNED_PLAN", "EVIDENCE", "OTHER"];
}

export const monitoringMeetingKinds: DocumentKind[] = ["SIGNED_PLAN", "EVIDENCE", "OTHER"];
export const commitmentKinds: DocumentKind[] = ["EVIDENCE", "OTHER"];
export const meetingKinds: DocumentKind[] = ["MINUTES", "OTHER"];
export const consentKinds: DocumentKind[] = ["CONSENT_FORM"];

/** The file picker's suggestion; the API judges the content, whatever the name. */
export const acceptedFiles = [
  ".pdf",
  ".png",
  ".jpg",
  ".jpeg",
  ".odt",
  ".ods",
  ".odp",
  ".docx",
  ".xlsx",
  ".pptx",
  ".txt",
  ".csv",
  "application/pdf",
  "image/png",
  "image/jpeg",
  "text/plain",
  "text/csv",
].join(",");

/** A size in KiB under a MiB, in MiB above, with one decimal: "12,5 KiB", "2,3 MiB". */
export function fileSize(intl: IntlShape, bytes: number): string {
  const mib = 1024 * 1024;
  if (bytes >= mib) {
    return intl.formatMessage({ id: "documents.size.mib" }, { size: intl.formatNumber(bytes / mib, { maximumFractionDigits: 1 }) });
  }
  const kib = Math.max(bytes / 1024, bytes > 0 ? 0.1 : 0);
  return intl.formatMessage({ id: "documents.size.kib" }, { size: intl.formatNumber(kib, { maximumFractionDigits: 1 }) });
}

const mediaNames: Record<string, string> = {
  "application/pdf": "PDF",
  "image/png": "PNG",
  "image/jpeg": "JPEG",
  "application/vnd.oasis.opendocument.text": "ODT",
  "application/vnd.oasis.opendocument.spreadsheet": "ODS",
  "application/vnd.oasis.opendocument.presentation": "ODP",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PPTX",
  "text/plain": "TXT",
  "text/csv": "CSV",
};

/** The short name of a file's type, e.g. PDF; the media type itself when unknown. */
export function mediaName(mediaType: string): string {
  return mediaNames[mediaType.split(";")[0]?.trim() ?? ""] ?? mediaType;
}

/** The upload form's values; the API's rules are the judge, these only guide. */
export const attachSchema = z.object({
  kind: z.string().min(1, "documents.error.kindRequired"),
  file: z
    .custom<File | null>((v) => typeof File !== "undefined" && v instanceof File, "documents.error.fileRequired")
    .refine((f) => (f?.size ?? 0) > 0, "documents.error.fileEmpty"),
});
export type AttachValues = z.input<typeof attachSchema>;

export const removeSchema = z.object({
  reason: z.string().trim().min(1, "documents.error.reasonRequired"),
});
export type RemoveValues = z.input<typeof removeSchema>;

/**
 * What went wrong with the file, in the user's words, for an upload's
 * error that is about it: refused on `file` (too large, of a type not
 * accepted, empty), already attached (CONFLICT), or a request too large
 * for the server to read at all. The server's own words follow, for
 * support. undefined when the error is not about the file.
 */
export function fileProblem(intl: IntlShape, e: ApiError): string | undefined {
  const detail = e.message.replace(/^file: /, "");
  const say = (id: string) => intl.formatMessage({ id }, { detail });
  if (e.code === "CONFLICT") {
    return say("documents.error.duplicate");
  }
  if (e.code === "BAD_USER_INPUT" && e.field === "file") {
    if (/larger than/i.test(detail)) {
      return say("documents.error.tooLarge");
    }
    if (/not accepted/i.test(detail)) {
      return say("documents.error.type");
    }
    if (/empty/i.test(detail)) {
      return say("documents.error.fileEmpty");
    }
    return say("documents.error.file");
  }
  // A body over the server's limit is refused before any resolver runs,
  // without a field: by the server (413), or by gqlgen's multipart
  // transport (without a code).
  if (/request body (too large|is larger than)/i.test(e.message)) {
    return say("documents.error.tooLarge");
  }
  return undefined;
}

/** Whether an upload's answer was HTTP 413, the request too large: the file is. */
function tooLarge(error: CombinedError): boolean {
  const response: unknown = error.response;
  return typeof response === "object" && response !== null && "status" in response && response.status === 413;
}

/**
 * An upload's errors, split: the one on the file (in the user's words),
 * the one on the kind (the server's), and the rest, for an alert.
 */
export function uploadErrors(intl: IntlShape, error: CombinedError | undefined): { file?: string; kind?: string; alert?: CombinedError } {
  if (!error) {
    return {};
  }
  if (tooLarge(error)) {
    const detail = error.graphQLErrors[0]?.message ?? error.networkError?.message ?? "413";
    return { file: intl.formatMessage({ id: "documents.error.tooLarge" }, { detail }) };
  }
  if (error.networkError) {
    return { alert: error };
  }
  let file: string | undefined;
  let kind: string | undefined;
  // apiErrors types the GraphQL errors one for one, in their order.
  const typed = apiErrors(error);
  const rest = error.graphQLErrors.filter((_, i) => {
    const e = typed[i];
    const problem = e && fileProblem(intl, e);
    if (problem) {
      file ??= problem;
      return false;
    }
    if (e?.code === "BAD_USER_INPUT" && e.field === "kind") {
      kind ??= e.message.replace(/^kind: /, "");
      return false;
    }
    return true;
  });
  return { file, kind, alert: rest.length > 0 ? new CombinedError({ graphQLErrors: rest, response: error.response }) : undefined };
}
