/** Every route of the API and every class of error, through Fastify's inject (no socket); every answer checked against the OpenAPI document. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import type { FastifyInstance, InjectOptions } from "fastify";
import { AidDescription, ArticleAtDate, ErrorBody, ParameterAtDate, Result, Screening, type ErrorCode } from "@fne/schema";
import { buildServer } from "../src/server.ts";
import { limits } from "../src/limits.ts";
import { Contract } from "./contract.ts";

const root = new URL("../../../", import.meta.url).pathname;
const atdCase = JSON.parse(readFileSync(`${root}rules/atd/examples/atd.json`, "utf8"));

let app: FastifyInstance;
beforeAll(() => (app = buildServer()));
afterAll(() => app.close());

const contract = new Contract();
const inject = (o: InjectOptions | string) => contract.inject(app, o);
const post = (url: string, body: unknown, contentType = "application/json") =>
  inject({ method: "POST", url, headers: { "content-type": contentType }, payload: typeof body === "string" ? body : JSON.stringify(body) });

/** A response that must be the contract's Error with this status and code; returns the issue paths. */
function expectError(res: { statusCode: number; json(): unknown }, status: number, code: ErrorCode): string[] {
  expect(res.statusCode).toBe(status);
  const e = ErrorBody.parse(res.json()).error;
  expect(e.code).toBe(code);
  expect(e.message.length).toBeGreaterThan(0);
  return e.issues.map((i) => i.path);
}

describe("POST /v1/evaluate", () => {
  it("answers a Result for one aid (rules/atd/examples/atd.json)", async () => {
    const res = await post("/v1/evaluate", atdCase);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    const r = Result.parse(res.json());
    // R322-6: 0.90 × 50 = 45 → (45 − 40) × 169 = 845.00 a month for 6 months; 0.75 × 50 = 37.5 < 40 → 0.00; 6 × 845 = 5070.00
    expect(r.amounts).toEqual({ monthlyFirst6: "845.00", monthlyNext6: "0.00", total: "5070.00" });
    expect(r.currency).toBe("FRF");
  });

  it("screens every aid when the case has no aid", async () => {
    const res = await post("/v1/evaluate", { date: "1996-03-01" });
    expect(res.statusCode).toBe(200);
    const s = Screening.parse(res.json());
    const aids = (await inject("/v1/aids")).json() as AidDescription[];
    expect(s.results.map((r) => r.aid).sort()).toEqual(aids.map((a) => a.id).sort());
  });

  it("accepts a charset in the content type", async () => {
    expect((await post("/v1/evaluate", atdCase, "application/json; charset=utf-8")).statusCode).toBe(200);
  });

  it.each([
    ["an impossible date", { aid: "atd", date: "1996-02-30" }, "date"],
    ["a missing date", { aid: "atd" }, "date"],
    ["an unknown field", { ...atdCase, factz: {} }, "factz"],
    ["an unknown fact", { aid: "atd", date: "1996-03-01", facts: { newWeeklyHour: 20 } }, "facts.newWeeklyHour"],
    ["a fact of the wrong type", { aid: "atd", date: "1996-03-01", facts: { collectiveLayoff: "oui" } }, "facts.collectiveLayoff"],
    ["an unknown aid", { aid: "nope", date: "1996-03-01" }, "aid"],
    ["an unknown parameter", { aid: "atd", date: "1996-03-01", parameters: { smic: "1.00" } }, "parameters.smic"],
    ["a parameter that is not a decimal", { aid: "atd", date: "1996-03-01", parameters: { smic_horaire_brut: "abc" } }, "parameters.smic_horaire_brut"],
    ["an array instead of a case", [atdCase], "(root)"],
    ["a string instead of facts", { aid: "atd", date: "1996-03-01", facts: "collectiveLayoff" }, "facts"],
  ])("400 invalid_case naming the field for %s", async (_, body, path) => {
    expect(expectError(await post("/v1/evaluate", body), 400, "invalid_case")).toContain(path);
  });

  it("400 invalid_case for malformed JSON, an empty body, no body, and a __proto__ key", async () => {
    expectError(await post("/v1/evaluate", '{"date": "1996-03-01",'), 400, "invalid_case");
    expectError(await post("/v1/evaluate", ""), 400, "invalid_case");
    expectError(await inject({ method: "POST", url: "/v1/evaluate" }), 400, "invalid_case");
    expectError(await post("/v1/evaluate", '{"date":"1996-03-01","__proto__":{"x":1}}'), 400, "invalid_case");
  });

  it.each(["text/plain", "text/csv", "application/x-www-form-urlencoded", "application/xml"])("415 unsupported_media_type for %s", async (type) => {
    expectError(await post("/v1/evaluate", "date=1996-03-01", type), 415, "unsupported_media_type");
  });

  it(`413 payload_too_large over ${limits.caseBytes} bytes, and not below`, async () => {
    const padded = (n: number) => JSON.stringify(atdCase).replace(/^\{/, `{${" ".repeat(n)}`);
    const at = padded(limits.caseBytes - JSON.stringify(atdCase).length);
    expect(Buffer.byteLength(at)).toBe(limits.caseBytes);
    expect((await post("/v1/evaluate", at)).statusCode).toBe(200);
    expectError(await post("/v1/evaluate", padded(limits.caseBytes)), 413, "payload_too_large");
  });
});

describe("GET /v1/aids", () => {
  it("lists the engine's aids with their facts and versions", async () => {
    const res = await inject("/v1/aids");
    expect(res.statusCode).toBe(200);
    const aids = AidDescription.array().parse(res.json());
    const atd = aids.find((a) => a.id === "atd")!;
    expect(Object.keys(atd.facts)).toEqual(expect.arrayContaining(["collectiveLayoff", "priorHourlyWage", "newMonthlyHours"]));
    expect(atd.versions.length).toBeGreaterThan(0);
  });
});

describe("GET /v1/articles/:id", () => {
  it("answers the version in force at the date, with its validity", async () => {
    const res = await inject("/v1/articles/R322-6?date=1996-03-01");
    expect(res.statusCode).toBe(200);
    const a = ArticleAtDate.parse(res.json());
    expect(a.id).toBe("R322-6");
    expect(a.date).toBe("1996-03-01");
    const v = a.version!;
    expect(v.from === null || v.from <= "1996-03-01").toBe(true);
    expect(v.to === null || "1996-03-01" <= v.to).toBe(true);
    expect(a.versions).toContainEqual({ from: v.from, to: v.to });
  });

  it("answers a null version outside every version of the text", async () => {
    const a = ArticleAtDate.parse((await inject("/v1/articles/R322-6?date=2020-01-01")).json());
    // R322-6 was repealed with the recodification of 2008 (its last version ends before 2020).
    expect(a.version).toBeNull();
    expect(a.versions.every((v) => v.to !== null && v.to < "2020-01-01")).toBe(true);
  });

  it("404 not_found for an unknown article", async () => {
    expect(expectError(await inject("/v1/articles/R999-9?date=1996-03-01"), 404, "not_found")).toEqual(["params.id"]);
  });

  it.each(["date=1996-02-30", "date=1996-3-1", "date=", "", "date=1996-03-01&date=1996-03-02"])("400 invalid_request for ?%s", async (q) => {
    expect(expectError(await inject(`/v1/articles/R322-6?${q}`), 400, "invalid_request")).toContain("query.date");
  });
});

describe("GET /v1/parameters/:id", () => {
  it("answers the value in force at the date, in the currency of the date", async () => {
    const p = ParameterAtDate.parse((await inject("/v1/parameters/smic_horaire_brut?date=1996-03-01")).json());
    expect(p).toMatchObject({ id: "smic_horaire_brut", date: "1996-03-01", currency: "FRF" });
    expect(p.from! <= "1996-03-01").toBe(true);
    const e = ParameterAtDate.parse((await inject("/v1/parameters/smic_horaire_brut?date=2006-10-02")).json());
    expect(e.currency).toBe("EUR");
  });

  it("404 not_found for an unknown parameter; 400 for a bad date", async () => {
    expect(expectError(await inject("/v1/parameters/smic?date=1996-03-01"), 404, "not_found")).toEqual(["params.id"]);
    expect(expectError(await inject("/v1/parameters/smic_horaire_brut?date=yesterday"), 400, "invalid_request")).toContain("query.date");
  });
});

describe("other routes", () => {
  it("GET /health", async () => {
    const res = await inject("/health");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
  });

  it("GET /openapi.json", async () => {
    const res = await inject("/openapi.json");
    expect(res.statusCode).toBe(200);
    expect((res.json() as { openapi: string }).openapi).toBe("3.1.0");
  });

  it("400 invalid_request for a URL that does not decode", async () => {
    expect(expectError(await inject("/v1/articles/%E0%A4%A?date=1996-03-01"), 400, "invalid_request")).toEqual(["(url)"]);
  });

  it.each([
    ["GET", "/"],
    ["GET", "/v1/evaluate"],
    ["DELETE", "/health"],
    ["POST", "/v1/aids"],
    ["GET", "/v2/aids"],
  ] as const)("404 not_found for %s %s", async (method, url) => {
    expectError(await inject({ method, url }), 404, "not_found");
  });
});

describe("CORS", () => {
  const preflight = (server: FastifyInstance, origin: string) =>
    contract.inject(server, { method: "OPTIONS", url: "/v1/evaluate", headers: { origin, "access-control-request-method": "POST" } });

  it("sends no CORS header by default (same-origin only)", async () => {
    const res = await inject({ url: "/health", headers: { origin: "https://widget.example" } });
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("allows the configured origins, and only those", async () => {
    const server = buildServer({ corsOrigins: ["https://widget.example"] });
    try {
      expect((await preflight(server, "https://widget.example")).headers["access-control-allow-origin"]).toBe("https://widget.example");
      expect((await preflight(server, "https://other.example")).headers["access-control-allow-origin"]).toBeUndefined();
      const res = await contract.inject(server, { method: "POST", url: "/v1/evaluate", headers: { origin: "https://widget.example" }, payload: atdCase });
      expect(res.statusCode).toBe(200);
      expect(res.headers["access-control-allow-origin"]).toBe("https://widget.example");
    } finally {
      await server.close();
    }
  });
});

describe("query parameters a route does not read (issue 17)", () => {
  it.each([
    ["POST", "/v1/evaluate?detail=full"],
    ["GET", "/v1/aids?lang=en"],
    ["GET", "/health?x=1"],
    ["GET", "/openapi.json?format=yaml"],
    ["GET", "/v1/articles/R322-6?date=1996-03-01&lang=en"],
    ["GET", "/v1/parameters/smic_horaire_brut?date=1996-03-01&currency=EUR"],
  ] as const)("400 invalid_request naming it: %s %s", async (method, url) => {
    const res = await inject({ method, url, ...(method === "POST" ? { headers: { "content-type": "application/json" }, payload: JSON.stringify(atdCase) } : {}) });
    const param = url.split("&").at(-1)!.split("?").at(-1)!.split("=")[0]!;
    expect(expectError(res, 400, "invalid_request")).toEqual([`query.${param}`]);
  });
});

describe("HEAD", () => {
  it.each(["/health", "/v1/aids", "/openapi.json", "/v1/articles/R322-6?date=1996-03-01", "/docs"])("HEAD %s: the GET's status and headers, no body", async (url) => {
    const res = await inject({ method: "HEAD", url });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe("");
  });
});

describe("security headers on every answer (issue 13)", () => {
  const api = { csp: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'", nosniff: "nosniff" };
  it.each([
    ["a Result", () => post("/v1/evaluate", atdCase)],
    ["an Error", () => post("/v1/evaluate", { date: "x" })],
    ["an unknown route", () => inject("/nope")],
    ["a 413", () => post("/v1/evaluate", " ".repeat(limits.caseBytes + 1))],
    ["GET /health", () => inject("/health")],
  ])("%s: CSP default-src 'none', frame-ancestors 'none', nosniff", async (_, send) => {
    const res = await send();
    expect(res.headers["content-security-policy"]).toBe(api.csp);
    expect(res.headers["x-content-type-options"]).toBe(api.nosniff);
    expect(res.headers["x-frame-options"]).toBe("DENY");
  });

  it("the /docs page: scripts from this origin only, never inline", async () => {
    const res = await inject("/docs");
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.body).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*src=)[^>]*>/);
    expect(res.body).not.toMatch(/https?:\/\//); // every asset from this server: no CDN
    for (const asset of res.body.matchAll(/(?:src|href)="(docs\/[^"]+)"/g)) {
      const a = await inject(`/${asset[1]}`);
      expect(a.statusCode, asset[1]).toBe(200);
      expect(a.headers["x-content-type-options"]).toBe("nosniff");
    }
  });
});

describe("rate limit per client (issue 13)", () => {
  it("429 too_many_requests with Retry-After past the limit, per client; /health never limited", async () => {
    const server = buildServer({ limits: { rateMax: 3, rateWindowSeconds: 60 } });
    const from = (ip: string, url = "/v1/aids") => contract.inject(server, { url, remoteAddress: ip });
    try {
      for (let i = 0; i < 3; i++) expect((await from("10.0.0.1")).statusCode).toBe(200);
      const limited = await from("10.0.0.1");
      expectError(limited, 429, "too_many_requests");
      expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
      expect((await from("10.0.0.1", "/nope")).statusCode).toBe(429); // unknown URLs count too
      expect((await from("10.0.0.2")).statusCode).toBe(200); // another client
      for (let i = 0; i < 5; i++) expect((await from("10.0.0.1", "/health")).statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe("what one request can make the server produce (issue 13, finding 2)", () => {
  it("50,000 unknown parameter ids (600 kB): 413 with a short Error (was 22.6 MB, the known ids repeated in each issue)", async () => {
    const parameters = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`p${i}`, "1"]));
    const res = await post("/v1/evaluate", { aid: "atd", date: "1996-03-01", parameters });
    expectError(res, 413, "payload_too_large");
    expect(res.body.length).toBeLessThan(1_000);
  });

  it("5,000 unknown parameter ids within the body limit: one issue that says the cap", async () => {
    const parameters = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`p${i}`, "1"]));
    const res = await post("/v1/evaluate", { aid: "atd", date: "1996-03-01", parameters });
    expect(expectError(res, 400, "invalid_case")).toEqual(["parameters"]);
    expect(res.json().error.issues[0].message).toBe("5000 parameters: at most 50 are accepted");
    expect(res.body.length).toBeLessThan(1_000);
  });

  it("unknown parameters within the cap: the known ids listed once", async () => {
    const parameters = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`p${i}`, "1"]));
    const res = await post("/v1/evaluate", { aid: "atd", date: "1996-03-01", parameters });
    expect(expectError(res, 400, "invalid_case")).toHaveLength(40);
    expect(res.body.split("smic_horaire_brut").length - 1).toBe(1);
  });

  it("more issues than an Error lists: the first 100, then one saying how many more", async () => {
    // 150 unknown facts: one issue each.
    const facts = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}`, 1]));
    const res = await post("/v1/evaluate", { ...atdCase, facts });
    const paths = expectError(res, 400, "invalid_case");
    expect(paths).toHaveLength(limits.issues + 1);
    expect(res.json().error.issues.at(-1)).toEqual({ path: "(more)", message: "50 more issues not listed: an answer lists at most 100" });
  });

  it("an Error with more issues than the cap lists the cap and says how many more", async () => {
    const server = buildServer({ limits: { issues: 2 } });
    const res = await contract.inject(server, { method: "POST", url: "/v1/evaluate", payload: { ...atdCase, x1: 1, x2: 1, x3: 1, x4: 1, x5: 1 } });
    await server.close();
    expect(expectError(res, 400, "invalid_case")).toEqual(["x1", "x2", "(more)"]);
    expect(res.json().error.issues.at(-1).message).toBe("3 more issues not listed: an answer lists at most 2");
  });

  it("a name 60,000 characters long is not sent back whole", async () => {
    const res = await post("/v1/evaluate", { ...atdCase, ["y".repeat(60_000)]: 1 });
    expectError(res, 400, "invalid_case");
    expect(res.body.length).toBeLessThan(3_000);
  });

  it("5,000 unknown fields: one issue that says the cap", async () => {
    const res = await post("/v1/evaluate", { ...atdCase, ...Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`x${i}`, 1])) });
    expect(expectError(res, 400, "invalid_case")).toEqual(["(root)"]);
    expect(res.json().error.issues[0].message).toBe("5003 fields: at most 50 are read");
  });

  it("more facts than any aid has: refused with the cap", async () => {
    const facts = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`f${i}`, 1]));
    const res = await post("/v1/evaluate", { date: "1996-03-01", facts });
    expect(expectError(res, 400, "invalid_case")).toEqual(["facts"]);
    expect(res.body.length).toBeLessThan(2_000);
  });
});

describe("numbers past the limits (issue 13, finding 3)", () => {
  it("a money fact of a million digits: 413 at once (the case limit is 64 KiB; was 200 with 7 MB, 2.2 s)", async () => {
    const started = performance.now();
    const res = await post("/v1/evaluate", { ...atdCase, facts: { ...atdCase.facts, priorHourlyWage: "9".repeat(1_000_000) } });
    expect(performance.now() - started).toBeLessThan(1000); // generous: a few ms
    expectError(res, 413, "payload_too_large");
  });

  it("a money fact of 60,000 digits within the body limit: 400 at once, naming the field and the limit", async () => {
    const started = performance.now();
    const res = await post("/v1/evaluate", { ...atdCase, facts: { ...atdCase.facts, priorHourlyWage: "9".repeat(60_000) } });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(expectError(res, 400, "invalid_case")).toEqual(["facts.priorHourlyWage"]);
    expect(res.json().error.issues[0].message).toBe("too many digits: at most 9 before the decimal point and 6 after");
    expect(res.body.length).toBeLessThan(1_000);
  });

  it.each([
    ["a money fact of 10 digits", { priorHourlyWage: "1234567890" }, "facts.priorHourlyWage"],
    ["a money fact of 7 decimals", { priorHourlyWage: "12.1234567" }, "facts.priorHourlyWage"],
    ["a money fact as 1e308", { priorHourlyWage: 1e308 }, "facts.priorHourlyWage"],
    ["a number fact as 0.1 + 0.2", { newMonthlyHours: 0.1 + 0.2 }, "facts.newMonthlyHours"],
    ["a number fact as 1e-7", { newMonthlyHours: 1e-7 }, "facts.newMonthlyHours"],
  ])("400 for %s", async (_, facts, path) => {
    expect(expectError(await post("/v1/evaluate", { ...atdCase, facts: { ...atdCase.facts, ...facts } }), 400, "invalid_case")).toEqual([path]);
  });

  it("a parameter override of 20 digits", async () => {
    const res = await post("/v1/evaluate", { ...atdCase, parameters: { smic_horaire_brut: "1".repeat(20) } });
    expect(expectError(res, 400, "invalid_case")).toEqual(["parameters.smic_horaire_brut"]);
  });

  it("the largest values within the limits are computed", async () => {
    const res = await post("/v1/evaluate", { ...atdCase, facts: { ...atdCase.facts, priorHourlyWage: "999999999.999999", newHourlyWage: 0.000001 } });
    expect(res.statusCode).toBe(200);
  });
});

describe("names that are not own properties (issue 13, finding 6)", () => {
  it.each(["toString", "constructor", "hasOwnProperty", "valueOf", "__defineGetter__"])("facts.%s, parameters.%s and aid %s are unknown names", async (name) => {
    expect(expectError(await post("/v1/evaluate", { ...atdCase, facts: { [name]: 1 } }), 400, "invalid_case")).toEqual([`facts.${name}`]);
    expect(expectError(await post("/v1/evaluate", { date: "1996-03-01", facts: { [name]: 1 } }), 400, "invalid_case")).toEqual([`facts.${name}`]);
    expect(expectError(await post("/v1/evaluate", { ...atdCase, parameters: { [name]: "1" } }), 400, "invalid_case")).toEqual([`parameters.${name}`]);
    expect(expectError(await post("/v1/evaluate", { ...atdCase, aid: name }), 400, "invalid_case")).toEqual(["aid"]);
  });
});

describe("the web app served by the API", () => {
  it("its pages carry the pages' policy (embed.html framable by https: sites), the API's answers the API's", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(`${tmpdir()}/fne-web-`);
    writeFileSync(`${dir}/index.html`, "<!doctype html><title>app</title>");
    writeFileSync(`${dir}/embed.html`, "<!doctype html><title>embed</title>");
    writeFileSync(`${dir}/app.js`, "export {};");
    const server = buildServer({ webDir: dir, pages: { embedOrigins: ["https://host.example"] } });
    try {
      const csp = async (url: string) => String((await server.inject(url)).headers["content-security-policy"]);
      expect(await csp("/")).toMatch(/script-src 'self';.*frame-ancestors 'none'/);
      expect(await csp("/app.js")).toMatch(/script-src 'self';.*worker-src 'self'/);
      expect(await csp("/embed.html")).toContain("frame-ancestors 'self' https://host.example");
      expect((await server.inject("/embed.html")).headers["x-frame-options"]).toBeUndefined();
      expect(await csp("/v1/aids")).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      const missing = await contract.inject(server, "/no-such-file.js");
      expectError(missing, 404, "not_found");
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
