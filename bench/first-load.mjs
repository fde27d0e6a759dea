// What the first screen after sign-in downloads, and what the server
// sends for it (bench/first-load.sh runs it; docs/performance.md gives
// the figures). Node's own modules only, so that it runs wherever the
// frontend builds.
//
//   node bench/first-load.mjs DIST [BASE_URL]
//
// DIST is a frontend build (frontend/dist/app). The first screen is the
// entry — index.html's script, its module preloads and style sheets, and
// what they import — plus the home route's chunk (Home-*.js, the agenda
// for operators and coordinators) with every chunk it imports statically;
// what a route loads only later (import()) is not counted. Sizes: raw,
// gzip -9 and brotli 11, computed here from the files. With BASE_URL (a
// running server, signed-in as the coordinator with COOKIE in the
// environment) it also fetches each file and two GraphQL answers as a
// browser would, with and without Accept-Encoding, and prints the bytes
// on the wire.
import { readFileSync, readdirSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const [dist, base] = process.argv.slice(2);
if (!dist) {
  console.error("usage: node bench/first-load.mjs DIST [BASE_URL]");
  process.exit(2);
}
const assets = join(dist, "assets");
const read = (name) => readFileSync(join(dist, name.replace(/^\//, "")));

// Static imports of a chunk, as Rolldown writes them (import{a}from"./x.js",
// import"./x.js", export{a}from"./x.js"); import("./x.js") is left out.
const staticImports = (file) =>
  [...read(file).toString("utf8").matchAll(/\b(?:import|export)\s*(?:[\w${},*\s]+?\s*from\s*)?["']\.\/([^"']+\.js)["']/g)].map(
    (m) => `/assets/${m[1]}`,
  );

const closure = (roots, seen = new Set()) => {
  const todo = [...roots];
  while (todo.length > 0) {
    const file = todo.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith(".js")) todo.push(...staticImports(file));
  }
  return seen;
};

const html = read("index.html").toString("utf8");
const entryRoots = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const entry = closure(entryRoots);
const home = readdirSync(assets).find((f) => /^Home-[\w-]+\.js$/.test(f));
if (!home) {
  console.error(`no Home-*.js in ${assets}: is it a frontend build?`);
  process.exit(1);
}
const route = [...closure([`/assets/${home}`])].filter((f) => !entry.has(f));

const sizes = (files) => {
  const t = { files: files.length, raw: 0, gzip: 0, br: 0 };
  for (const f of files) {
    const b = read(f);
    t.raw += b.length;
    t.gzip += gzipSync(b, { level: 9 }).length;
    t.br += brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return t;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
const row = (label, t) => console.log(`${label.padEnd(34)}${String(t.files).padStart(5)}${kb(t.raw)}${kb(t.gzip)}${kb(t.br)}`);

const js = (files) => [...files].filter((f) => f.endsWith(".js"));
const css = (files) => [...files].filter((f) => f.endsWith(".css"));
const firstJS = [...js(entry), ...js(route)];

console.log(`first screen after sign-in (/, home route ${home}), from ${dist}`);
console.log(`${"".padEnd(34)}files       raw   gzip -9 brotli 11`);
row("entry JS", sizes(js(entry)));
row("home route JS (beyond the entry)", sizes(js(route)));
row("first screen JS", sizes(firstJS));
row("first screen CSS", sizes([...css(entry), ...css(route)]));

// Markers of the libraries the agenda must not load: class names they
// write into the page, which minification keeps.
const markers = { recharts: "recharts-wrapper", GraphiQL: "graphiql-container" };
for (const [lib, marker] of Object.entries(markers)) {
  const where = firstJS.filter((f) => read(f).includes(marker));
  console.log(`${lib} in the first screen: ${where.length === 0 ? "no" : `yes (${where.join(", ")})`}`);
}
console.log(`largest first-screen chunks (gzip -9):`);
for (const f of firstJS
  .map((f) => ({ f, gz: gzipSync(read(f), { level: 9 }).length }))
  .sort((a, b) => b.gz - a.gz)
  .slice(0, 6)) {
  console.log(`  ${f.f.padEnd(50)}${kb(f.gz)}`);
}

if (!base) process.exit(0);

// One request as the browser sends it; the bytes counted are those on the
// wire, not decoded.
const fetchRaw = (path, encoding, body) =>
  new Promise((resolve, reject) => {
    const u = new URL(path, base);
    const headers = { Cookie: process.env.COOKIE ?? "", "Sec-Fetch-Site": "same-origin" };
    if (encoding) headers["Accept-Encoding"] = encoding;
    if (body) headers["Content-Type"] = "application/json";
    const req = request(u, { method: body ? "POST" : "GET", headers }, (res) => {
      let bytes = 0;
      res.on("data", (c) => (bytes += c.length));
      res.on("end", () => resolve({ status: res.statusCode, bytes, encoding: res.headers["content-encoding"] ?? "identity" }));
    });
    req.on("error", reject);
    req.end(body);
  });

const encodings = [
  ["identity", undefined],
  ["gzip", "gzip"],
  ["br, gzip (a browser)", "gzip, deflate, br, zstd"],
];
console.log(`\nas served by ${base}: bytes on the wire`);
console.log(`${"".padEnd(34)}${encodings.map(([l]) => l.padStart(26)).join("")}`);
const wire = async (label, path, body) => {
  const cells = [];
  for (const [, enc] of encodings) {
    let total = 0;
    const used = new Set();
    for (const p of Array.isArray(path) ? path : [path]) {
      const r = await fetchRaw(p, enc, body);
      if (r.status !== 200) throw new Error(`${p}: status ${r.status}`);
      total += r.bytes;
      used.add(r.encoding);
    }
    cells.push(`${kb(total).trim()} ${[...used].sort().join("+")}`.padStart(26));
  }
  console.log(`${label.padEnd(34)}${cells.join("")}`);
};
await wire("first screen JS", firstJS);
await wire("first screen CSS", [...css(entry), ...css(route)]);
await wire("index.html", "/");
const graphql = (query, variables) => JSON.stringify({ query, variables });
await wire(
  "case list, 100 cases",
  "/graphql",
  graphql(
    `query CasesList($first: Int!) { cases(first: $first, orderBy: [{field: REFERRED_ON, direction: DESC}]) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id code status priority referredOn overdue person { id pseudonym birthYear }
        table { id name } caseManager { id name } } } } }`,
    { first: 100 },
  ),
);
await wire(
  "agenda",
  "/graphql",
  graphql(`fragment R on Case { id code person { id pseudonym identity { id firstName lastName } } }
fragment C on CaseConnection { totalCount pageInfo { hasNextPage endCursor } edges { node { ...R status priority referredOn
  firstMeetingDueOn planDueOn takenInChargeOn declineReason transferRequestedAt table { id name } transferTo { id name } } } }
query Agenda { agenda(horizonDays: 30) { today horizon referralsWaiting(first: 10) { ...C } overdueCases(first: 10) { ...C }
  incomingTransfers(first: 10) { ...C } casesWithoutManager(first: 10) { ...C } declinedReferrals(first: 10) { ...C }
  planReviewsDue(first: 10) { totalCount edges { node { id reviewOn case { ...R } } } }
  monitoringMeetingsDue(first: 10) { totalCount edges { node { id plannedOn case { ...R } } } }
  interventionsEnding(first: 10) { totalCount edges { node { id kind status endsOn provider { id name } case { ...R } } } } } }`),
);
