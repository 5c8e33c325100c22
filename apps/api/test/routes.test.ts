/** Every route of the API and every class of error, through Fastify's inject (no socket); every answer checked against the OpenAPI document. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import type { FastifyInstance, InjectOptions } from "fastify";
import { AidDescription, ArticleAtDate, ErrorBody, ParameterAtDate, Result, Screening, type ErrorCode } from "@fne/schema";
import { buildServer } from "../src/server.ts";
import { limits } from "../src/limits.ts";
import { Contract } from "./contract.ts";

const root = new URL("../../../", import.meta.url).pathname;
const atdCase = JSON.parse(readFileSync(`${root}examples/atd.json`, "utf8"));

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
  it("answers a Result for one aid (examples/atd.json)", async () => {
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
