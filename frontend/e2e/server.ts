import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { artifacts } from "./artifacts";
import type { TestProject } from "vitest/node";

// Starts the real server, built with the SPA embedded (WIN_BIN, `make
// test-e2e` builds it), on a fresh database with the demo data: SQLite by
// default, or a fresh schema of the PostgreSQL at WIN_E2E_DATABASE_URL;
// and an SMTP server it sends its mail to, which writes each message it
// receives to the mail folder the tests read (mailbox.ts).

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    mailDir: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitReady(url: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (server.exitCode !== null) {
      throw new Error(`the server exited with ${server.exitCode}`);
    }
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server at ${url} did not become ready`);
}

/** An SMTP server on 127.0.0.1 that writes every message to dir, one .eml file each. */
async function startSMTP(dir: string): Promise<{ port: number; close: () => Promise<void> }> {
  mkdirSync(dir, { recursive: true });
  let n = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        n += 1;
        const to = session.envelope.rcptTo.map((r) => r.address).join(",");
        writeFileSync(join(dir, `${String(n).padStart(4, "0")}-${to}.eml`), Buffer.concat(chunks));
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => smtp.listen(port, "127.0.0.1", resolve));
  return { port, close: () => new Promise((resolve) => smtp.close(() => resolve())) };
}

/** A fresh schema of the PostgreSQL database, and its URL; psql creates it. */
function postgresSchema(url: string): { url: string; drop: () => void } {
  const schema = `win_e2e_${process.pid}_${Date.now()}`;
  const psql = (sql: string) => {
    const r = spawnSync("psql", [url, "-qtAc", sql], { encoding: "utf8" });
    if (r.status !== 0) {
      throw new Error(`psql: ${r.stderr || r.error?.message}`);
    }
  };
  psql(`CREATE SCHEMA ${schema}`);
  const u = new URL(url);
  u.searchParams.set("search_path", schema);
  return { url: u.toString(), drop: () => psql(`DROP SCHEMA ${schema} CASCADE`) };
}

export default async function setup(project: TestProject) {
  const bin = process.env.WIN_BIN;
  if (!bin) {
    throw new Error("WIN_BIN must name the server binary built with the SPA (make test-e2e builds it)");
  }
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), "win-e2e-"));
  const pg = process.env.WIN_E2E_DATABASE_URL ? postgresSchema(process.env.WIN_E2E_DATABASE_URL) : null;
  const mailDir = join(artifacts, "mail");
  const smtp = await startSMTP(mailDir);
  // WIN_E2E_PORT: a port of one's own on a shared machine.
  const port = process.env.WIN_E2E_PORT ? Number(process.env.WIN_E2E_PORT) : await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const server = spawn(bin, [], {
    env: {
      ...process.env,
      WIN_ADDR: `127.0.0.1:${port}`,
      WIN_DATABASE_URL: pg?.url ?? join(dir, "e2e.db"),
      WIN_DEMO: "1",
      WIN_LOG_FORMAT: "text",
      WIN_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      WIN_PUBLIC_URL: baseURL,
    },
    // The request log is an artifact, not test output.
    stdio: ["ignore", "ignore", openSync(join(artifacts, "server.log"), "w")],
  });
  await waitReady(baseURL, server);
  console.log(`e2e: server at ${baseURL} on ${pg ? "PostgreSQL" : "SQLite"}`);
  project.provide("baseURL", baseURL);
  project.provide("mailDir", mailDir);
  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    await smtp.close();
    pg?.drop();
    rmSync(dir, { recursive: true, force: true });
  };
}
