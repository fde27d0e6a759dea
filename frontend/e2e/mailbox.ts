import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { expect, inject } from "vitest";

// The messages the suite's SMTP server received (server.ts), read with
// mailparser as a mail client would.

/** The newest message to an address, waiting for it up to 15 s; none older than `after` (a count of files). */
export async function mailTo(address: string, after = 0): Promise<ParsedMail> {
  const dir = inject("mailDir");
  let file = "";
  await expect
    .poll(
      () => {
        file = readdirSync(dir).sort().slice(after).filter((f) => f.endsWith(`-${address}.eml`)).at(-1) ?? "";
        return file;
      },
      { timeout: 15_000, interval: 200 },
    )
    .not.toBe("");
  return simpleParser(readFileSync(join(dir, file)));
}

/** How many messages the server has received so far. */
export function mailCount(): number {
  return readdirSync(inject("mailDir")).length;
}
