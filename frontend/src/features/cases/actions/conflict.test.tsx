// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { CombinedError } from "urql";
import { describe, expect, it, vi } from "vitest";
import { readConflict, useConflictRetry } from "./conflict";

const conflictError = (currentVersion: number, currentStatus = "IN_CHARGE") =>
  new CombinedError({
    graphQLErrors: [{ message: "case changed", extensions: { code: "CONFLICT", currentVersion, currentStatus, caseId: "cas_1" } }],
  });

describe("reading a conflict", () => {
  it("takes the current version and status from the error", () => {
    expect(readConflict(conflictError(7), 5, "UNDER_ASSESSMENT")).toEqual({
      caseId: "cas_1",
      seenVersion: 5,
      currentVersion: 7,
      seenStatus: "UNDER_ASSESSMENT",
      currentStatus: "IN_CHARGE",
    });
  });

  it("is no conflict of versions without a current version", () => {
    const other = new CombinedError({ graphQLErrors: [{ message: "open case", extensions: { code: "CONFLICT", caseId: "cas_2" } }] });
    expect(readConflict(other, 5)).toBeNull();
    expect(readConflict(undefined, 5)).toBeNull();
  });
});

describe("sending on the version the page shows", () => {
  it("retries the same input on the current version after a conflict", async () => {
    const run = vi.fn().mockResolvedValueOnce({ error: conflictError(7) }).mockResolvedValueOnce({});
    const onChanged = vi.fn();
    const { result } = renderHook(() => useConflictRetry({ version: 5, status: "UNDER_ASSESSMENT", run, onChanged }));

    let first: Awaited<ReturnType<typeof result.current.submit>> | undefined;
    await act(async () => {
      first = await result.current.submit({ reason: "x" });
    });
    expect(first?.kind).toBe("conflict");
    expect(run).toHaveBeenLastCalledWith({ reason: "x" }, 5);
    expect(result.current.conflict).toMatchObject({ seenVersion: 5, currentVersion: 7, seenStatus: "UNDER_ASSESSMENT", currentStatus: "IN_CHARGE" });
    expect(onChanged).toHaveBeenCalledTimes(1);

    let second: Awaited<ReturnType<typeof result.current.retry>> | undefined;
    await act(async () => {
      second = await result.current.retry();
    });
    expect(run).toHaveBeenCalledTimes(2);
    expect(run).toHaveBeenLastCalledWith({ reason: "x" }, 7);
    expect(second?.kind).toBe("done");
    expect(result.current.conflict).toBeNull();
    expect(onChanged).toHaveBeenCalledTimes(2);
  });

  it("reports other errors without calling onChanged", async () => {
    const error = new CombinedError({ graphQLErrors: [{ message: "bad", extensions: { code: "BAD_USER_INPUT", field: "reason" } }] });
    const run = vi.fn().mockResolvedValue({ error });
    const onChanged = vi.fn();
    const { result } = renderHook(() => useConflictRetry({ version: 3, run, onChanged }));
    let attempt: Awaited<ReturnType<typeof result.current.submit>> | undefined;
    await act(async () => {
      attempt = await result.current.submit({});
    });
    expect(attempt).toEqual({ kind: "error", error });
    expect(onChanged).not.toHaveBeenCalled();
    expect(result.current.conflict).toBeNull();
  });

  it("sends the page's newer version once it has refreshed", async () => {
    const run = vi.fn().mockResolvedValue({});
    const { result, rerender } = renderHook(({ version }) => useConflictRetry({ version, run, onChanged: () => undefined }), { initialProps: { version: 2 } });
    rerender({ version: 4 });
    await act(async () => {
      await result.current.submit({});
    });
    expect(run).toHaveBeenLastCalledWith({}, 4);
  });
});
