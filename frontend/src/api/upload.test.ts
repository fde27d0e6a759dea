// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { DocumentsAttachMutationDoc } from "../features/documents/queries";
import { lastXHR, stubXHR } from "../test/fakeXHR";
import { apiErrors } from "./errors";
import { multipartBody, readAnswer, sendWithFiles } from "./upload";

afterEach(() => {
  vi.unstubAllGlobals();
});

const pdf = () => new File(["%PDF-1.4 test"], "piano.pdf", { type: "application/pdf" });
const variables = { input: { kind: "SIGNED_PLAN" as const, attachedToID: "cas_1", file: null } };

describe("a GraphQL multipart request", () => {
  it("sends the operation with the file's variable null, the map, then the file", () => {
    const body = multipartBody(DocumentsAttachMutationDoc, variables, { "input.file": pdf() });
    const parts = [...body.keys()];
    expect(parts).toEqual(["operations", "map", "0"]);
    const operations = JSON.parse(String(body.get("operations")));
    expect(operations.operationName).toBe("DocumentsAttach");
    expect(operations.query).toContain("mutation DocumentsAttach($input: AttachDocumentInput!)");
    // The fragment the mutation spreads goes with it.
    expect(operations.query).toContain("fragment DocumentsItem on Document");
    expect(operations.variables).toEqual({ input: { kind: "SIGNED_PLAN", attachedToID: "cas_1", file: null } });
    expect(JSON.parse(String(body.get("map")))).toEqual({ "0": ["variables.input.file"] });
    const file = body.get("0");
    expect(file).toBeInstanceOf(File);
    expect((file as File).name).toBe("piano.pdf");
  });

  it("reads the answer as urql would: data, or typed errors", () => {
    expect(readAnswer(200, JSON.stringify({ data: { attachDocument: { id: "doc_1" } } }))).toEqual({ data: { attachDocument: { id: "doc_1" } }, error: undefined });
    const refused = readAnswer(200, JSON.stringify({ data: null, errors: [{ message: "file: is empty", extensions: { code: "BAD_USER_INPUT", field: "file" } }] }));
    expect(refused.data).toBeUndefined();
    expect(apiErrors(refused.error)).toEqual([{ code: "BAD_USER_INPUT", field: "file", message: "file: is empty", extensions: { code: "BAD_USER_INPUT", field: "file" } }]);
    expect((readAnswer(413, JSON.stringify({ errors: [{ message: "too large", extensions: { code: "BAD_USER_INPUT" } }] })).error?.response as { status: number }).status).toBe(413);
    // A proxy's error page is no GraphQL answer.
    expect(apiErrors(readAnswer(502, "<html>Bad gateway</html>").error).map((e) => e.code)).toEqual(["NETWORK"]);
  });

  it("posts to the GraphQL endpoint, tells the progress, and answers the data", async () => {
    stubXHR();
    const progress: number[] = [];
    const answer = sendWithFiles(DocumentsAttachMutationDoc, variables, { "input.file": pdf() }, { onProgress: (p) => progress.push(p) });
    const xhr = lastXHR();
    expect(xhr.method).toBe("POST");
    expect(xhr.url).toBe("/graphql");
    expect(xhr.headers.Accept).toContain("application/graphql-response+json");
    expect(xhr.headers["Content-Type"]).toBeUndefined();
    xhr.progress(25, 100);
    xhr.progress(100, 100);
    xhr.respond(200, { data: { attachDocument: { id: "doc_1" } } });
    expect(await answer).toEqual({ data: { attachDocument: { id: "doc_1" } }, error: undefined });
    expect(progress).toEqual([0.25, 1]);
  });

  it("asks to sign in again when the session has ended, as the urql client does", async () => {
    stubXHR();
    const ended = vi.fn();
    const answer = sendWithFiles(DocumentsAttachMutationDoc, variables, { "input.file": pdf() }, { onSessionEnded: ended });
    lastXHR().respond(200, { errors: [{ message: "sign in", extensions: { code: "UNAUTHENTICATED" } }] });
    expect(apiErrors((await answer).error)[0]?.code).toBe("UNAUTHENTICATED");
    expect(ended).toHaveBeenCalledOnce();
  });

  it("says a lost connection is a network error, and a stopped upload is aborted", async () => {
    stubXHR();
    const lost = sendWithFiles(DocumentsAttachMutationDoc, variables, { "input.file": pdf() });
    lastXHR().fail();
    expect(apiErrors((await lost).error).map((e) => e.code)).toEqual(["NETWORK"]);

    const stop = new AbortController();
    const stopped = sendWithFiles(DocumentsAttachMutationDoc, variables, { "input.file": pdf() }, { signal: stop.signal });
    stop.abort();
    expect(await stopped).toEqual({ aborted: true });
    expect(lastXHR().aborted).toBe(true);
  });
});
