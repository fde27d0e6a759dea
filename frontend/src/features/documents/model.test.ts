import { createIntl } from "react-intl";
import { CombinedError } from "urql";
import { describe, expect, it } from "vitest";
import { catalogues } from "../../i18n/catalogue";
import { apiErrors } from "../../api/errors";
import { attachSchema, caseKinds, fileSize, mediaName, uploadErrors } from "./model";

const intl = createIntl({ locale: "it-IT", messages: catalogues.it });

const refused = (...errors: { message: string; extensions: Record<string, unknown> }[]) => new CombinedError({ graphQLErrors: errors });

describe("documents' model", () => {
  it("says sizes in KiB under a MiB and in MiB above, in the user's language", () => {
    expect(fileSize(intl, 12_800)).toBe("12,5 KiB");
    expect(fileSize(intl, 40)).toBe("0,1 KiB");
    expect(fileSize(intl, 1024 * 1024 * 2.25)).toBe("2,3 MiB");
    expect(fileSize(createIntl({ locale: "en-GB", messages: catalogues.en }), 1536)).toBe("1.5 KiB");
  });

  it("names the types of file by their usual short name", () => {
    expect(mediaName("application/pdf")).toBe("PDF");
    expect(mediaName("text/plain; charset=utf-8")).toBe("TXT");
    expect(mediaName("application/vnd.openxmlformats-officedocument.wordprocessingml.document")).toBe("DOCX");
    expect(mediaName("application/x-unknown")).toBe("application/x-unknown");
  });

  it("offers identity documents and consent forms on a case only to those who read the person's identity", () => {
    expect(caseKinds(true)).toEqual(["SIGNED_PLAN", "CONSENT_FORM", "IDENTITY_DOCUMENT", "EVIDENCE", "OTHER"]);
    expect(caseKinds(false)).toEqual(["SIGNED_PLAN", "EVIDENCE", "OTHER"]);
  });

  it("asks for the kind and a file that is not empty", () => {
    const issues = (v: unknown) => (attachSchema.safeParse(v).error?.issues ?? []).map((i) => `${i.path.join(".")}:${i.message}`);
    expect(issues({ kind: "", file: null })).toEqual(["kind:documents.error.kindRequired", "file:documents.error.fileRequired"]);
    expect(issues({ kind: "OTHER", file: new File([], "vuoto.pdf") })).toEqual(["file:documents.error.fileEmpty"]);
    expect(issues({ kind: "OTHER", file: new File(["x"], "a.txt") })).toEqual([]);
  });

  it("puts the errors about the file on the file, in the user's words with the server's after", () => {
    const type = uploadErrors(
      intl,
      refused({
        message: "file: is text/html; charset=utf-8, which is not accepted: send PDF, PNG, JPEG, OpenDocument or Office documents, plain text",
        extensions: { code: "BAD_USER_INPUT", field: "file" },
      }),
    );
    expect(type.file).toMatch(/^Questo tipo di file non si può allegare/);
    expect(type.file).toContain("(Dettaglio: is text/html; charset=utf-8, which is not accepted");
    expect(type.alert).toBeUndefined();

    expect(uploadErrors(intl, refused({ message: "file: is larger than 10 MiB, the most a document may be", extensions: { code: "BAD_USER_INPUT", field: "file" } })).file).toMatch(
      /^Il file è troppo grande/,
    );
    // Refused before any resolver: by the server, 413 with no field…
    expect(
      uploadErrors(
        intl,
        new CombinedError({
          graphQLErrors: [{ message: "the request body is larger than 10551296 bytes, the most a file's may be", extensions: { code: "BAD_USER_INPUT" } }],
          response: { status: 413 },
        }),
      ),
    ).toEqual({ file: "Il file è troppo grande per essere allegato. (Dettaglio: the request body is larger than 10551296 bytes, the most a file's may be)" });
    expect(uploadErrors(intl, new CombinedError({ networkError: new Error("no GraphQL response"), response: { status: 413 } })).file).toMatch(/^Il file è troppo grande/);
    // …or by the transport, with no code.
    expect(uploadErrors(intl, refused({ message: "failed to parse multipart form, request body too large", extensions: {} })).file).toMatch(/^Il file è troppo grande/);
    expect(uploadErrors(intl, refused({ message: "this file is already attached, as \"a.pdf\" uploaded on 02/01/2026", extensions: { code: "CONFLICT" } })).file).toMatch(
      /^Questo file è già allegato qui/,
    );
  });

  it("puts the kind's error on the kind, and the rest in an alert", () => {
    const split = uploadErrors(
      intl,
      refused(
        { message: "kind: a MINUTES is not attached to this object: it takes SIGNED_PLAN", extensions: { code: "BAD_USER_INPUT", field: "kind" } },
        { message: "only members of the case's table attach and remove its documents", extensions: { code: "FORBIDDEN" } },
      ),
    );
    expect(split.kind).toBe("a MINUTES is not attached to this object: it takes SIGNED_PLAN");
    expect(split.file).toBeUndefined();
    expect(apiErrors(split.alert).map((e) => e.code)).toEqual(["FORBIDDEN"]);
    const network = new CombinedError({ networkError: new Error("offline") });
    expect(uploadErrors(intl, network).alert).toBe(network);
    expect(uploadErrors(intl, undefined)).toEqual({});
  });
});
