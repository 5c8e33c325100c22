/**
 * Malformed HTTP over bare sockets (not a client library): each request Node's parser refuses, a missing or
 * repeated Host, CONNECT, and a fuzz of 400 malformed requests. Every answer must be the contract's Error (checked
 * against the OpenAPI document), never a 5xx, never Fastify's or Node's own shape, never silence.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { ErrorBody } from "@fne/schema";
import { buildServer } from "../src/server.ts";
import { Contract } from "./contract.ts";
import { parseResponses, sendRaw, type RawAnswer } from "./raw.ts";

const root = new URL("../../../", import.meta.url).pathname;
const body = readFileSync(`${root}rules/atd/examples/atd.json`, "utf8").trim();

let app: FastifyInstance;
let port: number;
const contract = new Contract();
beforeAll(async () => {
  app = buildServer({ limits: { rateMax: 0 } });
  await app.listen({ port: 0, host: "127.0.0.1" });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(() => app.close());

/** The request line's method and target, when the bytes start with one. */
function requestLine(request: string): { method: string; url: string } | undefined {
  const m = /^([A-Z]+) +(\S+)/.exec(request);
  return m ? { method: m[1]!, url: m[2]! } : undefined;
}

/** Sends bytes; checks each answer against the document; returns them. */
async function send(request: string, options?: { halfClose?: boolean }): Promise<RawAnswer[]> {
  const line = requestLine(request);
  // 5 s of silence before giving up: the first plan starts its worker thread.
  const answers = parseResponses(await sendRaw(port, request, { quietMs: 5000, ...options }), line?.method === "HEAD" ? 1 : 0);
  for (const a of answers) {
    if (a.statusCode >= 500) throw new Error(`${a.statusCode} for ${JSON.stringify(request.slice(0, 200))}: ${a.body.slice(0, 300)}`);
    // A request of a documented route, or an unknown one (404), is checked as that route's answer; bytes the
    // parser refused before any route get 400, 408 or 431 with an Error.
    if (line && (contract.documents(line.method, line.url) || a.statusCode === 404)) contract.check(line.method, line.url, a);
    else contract.checkMalformed(a);
  }
  return answers;
}

/** The one Error answer to a malformed request, with its status and a message saying what was wrong. */
async function malformed(request: string, status: number, says: RegExp) {
  const answers = await send(request);
  expect(answers.length, JSON.stringify(request.slice(0, 120))).toBeGreaterThanOrEqual(1);
  const last = answers.at(-1)!;
  expect(last.statusCode).toBe(status);
  const e = ErrorBody.parse(JSON.parse(last.body)).error;
  expect(e.code).toBe("invalid_request");
  expect(e.message).toMatch(says);
  expect(last.headers["content-security-policy"]).toContain("default-src 'none'");
  expect(last.headers["x-content-type-options"]).toBe("nosniff");
}

const post = (headers: string, rest: string) => `POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${headers}\r\n${rest}`;

describe("malformed HTTP: each is the contract's Error (issue 13, finding 4)", () => {
  it("a chunked body cut short", () => malformed(post("Transfer-Encoding: chunked\r\n", `5\r\n{"aid`), 400, /cut short|ended before/));
  it("a bad chunk size", () => malformed(post("Transfer-Encoding: chunked\r\n", `zz\r\n{"aid\r\n0\r\n\r\n`), 400, /chunk size/));
  it("Content-Length with Transfer-Encoding", () => malformed(post(`Content-Length: ${body.length}\r\nTransfer-Encoding: chunked\r\n`, body), 400, /Transfer-Encoding/));
  it("two Content-Lengths", () => malformed(post(`Content-Length: ${body.length}\r\nContent-Length: ${body.length + 1}\r\n`, body), 400, /Content-Length is repeated/));
  it("a Content-Length longer than the body", () => malformed(post(`Content-Length: ${body.length + 10}\r\n`, body), 400, /ended before/));
  it("a Content-Length shorter than the body", () => malformed(post("Content-Length: 5\r\n", body), 400, /malformed HTTP request/));
  it("a negative Content-Length", () => malformed(post("Content-Length: -1\r\n", body), 400, /Content-Length/));
  it("an HTTP/1.0 POST without a length", () => malformed(`POST /v1/evaluate HTTP/1.0\r\nContent-Type: application/json\r\n\r\n${body}`, 400, /HTTP\/1\.0 body needs a Content-Length|malformed/));
  it("a NUL in Content-Type", () =>
    malformed(`POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\0x\r\nContent-Length: ${body.length}\r\n\r\n${body}`, 400, /header/));
  it("a bad request line", () => malformed("GARBAGE\r\n\r\n", 400, /method/));
  it("an HTTP version other than 1.0 or 1.1", () => malformed("GET /health HTTP/9.9\r\nHost: x\r\n\r\n", 400, /version/));
  it("headers over the limit: 431", () => malformed(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`, 431, /headers larger than 16384 bytes/));
  it("no Host", () => malformed("GET /health HTTP/1.1\r\n\r\n", 400, /no Host header/));
  it("two Hosts", () => malformed("GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, /2 Host headers/));
  it("HTTP/2's preface", () => malformed("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 400, /HTTP\/2/));

  it("CONNECT is an unknown route (404), not a silent close", async () => {
    const [a] = await send("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n");
    expect(a!.statusCode).toBe(404);
    expect(ErrorBody.parse(JSON.parse(a!.body)).error.code).toBe("not_found");
  });

  it("a request that is never completed is answered 408 after the request timeout", async () => {
    const slow = buildServer({ limits: { rateMax: 0, requestSeconds: 1 } });
    await slow.listen({ port: 0, host: "127.0.0.1" });
    try {
      const data = await sendRaw((slow.server.address() as AddressInfo).port, post("Content-Length: 100\r\n", "{"), { halfClose: false, quietMs: 5000 });
      const [a] = parseResponses(data);
      expect(a!.statusCode).toBe(408);
      contract.checkMalformed(a!);
    } finally {
      await slow.close();
    }
  });

  it("a client that half-closes once its request is sent still gets the answer (a plan, answered by a worker thread)", async () => {
    const plan = readFileSync(`${root}examples/plan.json`, "utf8");
    const answers = await send(`POST /v1/plans HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(plan)}\r\n\r\n${plan}`, { halfClose: true });
    expect(answers.map((a) => a.statusCode)).toEqual([200]);
  });

  it("HTTP/1.0 without Host, and a valid request, still answer 200", async () => {
    expect((await send("GET /health HTTP/1.0\r\n\r\n"))[0]!.statusCode).toBe(200);
    expect((await send(post(`Content-Length: ${Buffer.byteLength(body)}\r\n`, body)))[0]!.statusCode).toBe(200);
  });
});

// ---- fuzz: a valid request, broken in the ways clients and attackers break them --------------------------------
const valid = [
  { method: "POST", url: "/v1/evaluate", headers: ["Host: x", "Content-Type: application/json", `Content-Length: ${Buffer.byteLength(body)}`], body },
  { method: "GET", url: "/v1/articles/R322-6?date=1996-03-01", headers: ["Host: x"], body: "" },
  { method: "GET", url: "/health", headers: ["Host: x"], body: "" },
  { method: "POST", url: "/v1/plans", headers: ["Host: x", "Content-Type: application/json", "Content-Length: 2"], body: "{}" },
];
const chunked = (s: string, size: string) => `${size}\r\n${s}\r\n0\r\n\r\n`;
const headerBreaks = fc.constantFrom(
  "Content-Length: 1\r\nContent-Length: 2",
  "Content-Length: -5",
  "Content-Length: 0x10",
  "Content-Length: 1e3",
  "Content-Length: +12",
  "Content-Length: 99999999999999999999",
  "Transfer-Encoding: chunked",
  "Transfer-Encoding: gzip",
  "Transfer-Encoding: chunked, gzip",
  "Transfer-Encoding: identity",
  "Transfer-Encoding:  chunked",
  "Host: second",
  "X-Nul: a\0b",
  "X-CR: a\rb",
  "Bad Header: x",
  "NoColon",
  ": empty-name",
  "X-Fold: a\r\n folded",
  `X-Big: ${"b".repeat(17_000)}`,
  Array.from({ length: 2000 }, (_, i) => `X-${i}: y`).join("\r\n"),
  "Content-Type: application/json\0",
  "Expect: 100-continue",
  "Expect: 200-ok",
  "Connection: upgrade\r\nUpgrade: websocket",
);
const lineBreaks = fc.constantFrom(
  (m: string, u: string) => `${m} ${u} HTTP/1.1`,
  (m: string, u: string) => `${m} ${u} HTTP/1.2`,
  (m: string, u: string) => `${m} ${u} HTTP/2.0`,
  (m: string, u: string) => `${m} ${u} http/1.1`,
  (m: string, u: string) => `${m} ${u}`,
  (m: string, u: string) => `${m}  ${u} HTTP/1.1`,
  (m: string, u: string) => `${m.toLowerCase()} ${u} HTTP/1.1`,
  (_m: string, u: string) => `G\0T ${u} HTTP/1.1`,
  (m: string, u: string) => `${m} ${u.replace("/", "/ ")} HTTP/1.1`,
  (m: string, u: string) => `${m} ${u}\0 HTTP/1.1`,
  (m: string) => `${m} * HTTP/1.1`,
  (m: string) => `${m} http://other.example:99999/x HTTP/1.1`,
  () => "PRI * HTTP/2.0",
  () => "",
);
const bodyBreaks = fc.constantFrom(
  (b: string) => b.slice(0, Math.floor(b.length / 2)),
  (b: string) => `${b}GARBAGE`,
  (b: string) => chunked(b, "zz"),
  (b: string) => chunked(b, "ffffffffffffffffff"),
  (b: string) => `${b.length.toString(16)};${"e".repeat(20_000)}\r\n${b}\r\n0\r\n\r\n`,
  (b: string) => `${b.length.toString(16)}\r\n${b}\r\n`,
  (b: string) => `${b.length.toString(16)}\r\n${b}\r\n0\r\nTrailer\0: x\r\n\r\n`,
  (b: string) => b,
);
const malformedRequest = fc
  .tuple(
    fc.constantFrom(...valid),
    fc.option(lineBreaks, { freq: 3 }),
    fc.array(headerBreaks, { maxLength: 2 }),
    fc.boolean(),
    fc.option(bodyBreaks, { freq: 2 }),
    fc.constantFrom("\r\n", "\r\n", "\r\n", "\n"),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 2 }),
  )
  .map(([r, line, extra, dropHost, brokenBody, eol, flips]) => {
    const first = line ? line(r.method, r.url) : `${r.method} ${r.url} HTTP/1.1`;
    const headers = [...r.headers.filter((h) => !(dropHost && h.startsWith("Host"))), ...extra];
    let text = [first, ...headers].join(eol) + eol + eol + (brokenBody ? brokenBody(r.body) : r.body);
    if (flips.length) {
      const bytes = Buffer.from(text, "latin1");
      for (const [at, byte] of flips) bytes[at % bytes.length] = byte;
      text = bytes.toString("latin1");
    }
    return text;
  });

describe("fuzz: malformed requests over sockets", { timeout: 600_000 }, () => {
  const tally = new Map<string, number>();
  let silent = 0;
  let sent = 0;

  it("400 malformed requests: each answered, never a 5xx, every answer in the document", async () => {
    const requests = fc.sample(malformedRequest, { numRuns: 400, seed: 13 });
    for (let i = 0; i < requests.length; i += 8) {
      await Promise.all(
        requests.slice(i, i + 8).map(async (r) => {
          sent++;
          const answers = await send(r);
          if (!answers.length) silent++;
          for (const a of answers) tally.set(String(a.statusCode), (tally.get(String(a.statusCode)) ?? 0) + 1);
        }),
      );
    }
    console.log(`malformed HTTP fuzz: ${sent} requests; answers by status ${JSON.stringify(Object.fromEntries([...tally].sort()))}; without an answer: ${silent}`);
    expect(sent).toBeGreaterThanOrEqual(300);
    expect([...tally.keys()].every((s) => Number(s) < 500)).toBe(true);
    expect(silent).toBe(0);
    expect(tally.get("400")).toBeGreaterThan(100);
  });
});
