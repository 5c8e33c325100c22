/**
 * Fuzzing the API (cases and plans) with what clients get wrong: random JSON, random bytes, valid cases mutated (wrong types,
 * unknown fields, huge numbers, deep nesting, bad dates, strings for objects), and well-typed facts with extreme
 * values. Whatever is sent: never a 5xx, every answer is what the OpenAPI document says the route answers (a 4xx is
 * the contract's Error, a 200 a Result, a screening or a PlanResult), checked with ajv. At least 10,000 bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { listAids } from "@fne/engine";
import { ErrorBody, PlanResult, Result, Screening, type FactDef } from "@fne/schema";
import { buildServer } from "../src/server.ts";
import { Contract } from "./contract.ts";
import { exampleFiles } from "../../../test/examples.ts";

const root = new URL("../../../", import.meta.url).pathname;
const examples: Array<Record<string, unknown>> = exampleFiles().map((f) => JSON.parse(readFileSync(`${root}${f}`, "utf8")));

let app: FastifyInstance;
// One client sends everything here: the rate limit is tested on its own (routes.test.ts).
beforeAll(() => (app = buildServer({ limits: { rateMax: 0 } })));
afterAll(() => app.close());

let sent = 0;
const statuses = new Map<number, number>();
const contract = new Contract();

/** Send one body; check the answer's class and shape, and that the document describes it. */
async function check(payload: string | undefined, contentType = "application/json", url = "/v1/evaluate") {
  sent++;
  const res = await contract.inject(app, payload === undefined ? { method: "GET", url } : { method: "POST", url, headers: { "content-type": contentType }, payload });
  statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
  if (res.statusCode >= 500) throw new Error(`${res.statusCode} for ${url} ${payload?.slice(0, 500)}: ${res.body.slice(0, 500)}`);
  const body = res.json();
  if (res.statusCode === 200) {
    if (payload === undefined) return;
    const ok = url === "/v1/evaluate" ? Result.safeParse(body).success || Screening.safeParse(body).success : PlanResult.safeParse(body).success;
    if (!ok) throw new Error(`200 that is not the route's answer for ${payload.slice(0, 300)}`);
  } else {
    const e = ErrorBody.safeParse(body);
    if (!e.success) throw new Error(`${res.statusCode} without a contract Error for ${url} ${payload?.slice(0, 300)}: ${res.body.slice(0, 300)}`);
  }
}

// ---- values a client may put anywhere ------------------------------------------------------------
const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const hostile = fc.oneof(
  fc.constantFrom(1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, -0, 0, -1, 0.1, 1.005),
  fc.constantFrom("1996-02-30", "1996-13-01", "96-03-01", "0000-01-01", "9999-12-31", "", " ", "NaN", "Infinity", "1e400", "-0", "0x10"),
  fc.constantFrom(null, true, false, [], {}, "__proto__", "constructor"),
  fc.string({ maxLength: 30 }),
  fc.double(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
);

type Json = unknown;
/** Replace the value at a random path of `x` (or add a key there) with `v`. */
function mutate(x: Json, steps: number[], v: Json, key: string): Json {
  if (steps.length === 0 || x === null || typeof x !== "object") return v;
  const [s, ...rest] = steps as [number, ...number[]];
  if (Array.isArray(x)) {
    if (x.length === 0) return [v];
    const i = s % x.length;
    return x.map((y, j) => (j === i ? mutate(y, rest, v, key) : y));
  }
  const keys = Object.keys(x);
  const o = { ...(x as Record<string, Json>) };
  if (keys.length === 0 || s % (keys.length + 1) === keys.length) o[key] = v; // a new (unknown) field
  else o[keys[s % keys.length]!] = mutate(o[keys[s % keys.length]!], rest, v, key);
  return o;
}

const mutatedCase = fc
  .tuple(
    fc.constantFrom(...examples),
    fc.array(fc.nat(), { minLength: 0, maxLength: 3 }),
    fc.oneof(hostile, fc.integer({ min: 1, max: 5000 }).map((d) => JSON.parse(nested(d)) as Json)),
    fc.oneof(fc.constantFrom("aid", "date", "facts", "parameters", "lang", "employees"), fc.string({ maxLength: 12 })),
    fc.boolean(),
  )
  .map(([base, steps, v, key, drop]) => {
    const m = mutate(base, steps, v, key);
    if (drop && m && typeof m === "object" && !Array.isArray(m)) delete (m as Record<string, unknown>)[key];
    return JSON.stringify(m);
  });

// ---- well-typed facts with extreme values: the engine itself must not throw ----------------------
const day = fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const nearDay = fc.date({ min: new Date("1960-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const money = fc.oneof(
  fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }).map((c) => (c / 100).toFixed(2)),
  fc.constantFrom("0", "0.00", "-0.01", "99999999999999999999.99", "1e5", 0, 1e308, -1e308, 0.005),
);
const number = fc.oneof(fc.integer({ min: -100, max: 10_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 1e308, 0.5));
function factValue(def: FactDef) {
  switch (def.type) {
    case "boolean":
      return fc.boolean();
    case "money":
      return money;
    case "number":
      return number;
    case "date":
      return fc.oneof(nearDay, day);
    case "enum":
      return fc.oneof(fc.constantFrom(...def.values), fc.string({ maxLength: 8 }));
    case "string":
      return fc.string({ maxLength: 20 });
  }
}
const typedCase = fc.constantFrom(...listAids()).chain((aid) =>
  fc.record(
    {
      aid: fc.constant(aid.id),
      date: fc.oneof(nearDay, day),
      facts: fc.record(Object.fromEntries(Object.entries(aid.facts).map(([k, def]) => [k, factValue(def)])), { requiredKeys: [] }),
      lang: fc.constantFrom("fr", "en"),
    },
    { requiredKeys: ["aid", "date", "facts"] },
  ),
);

// ---- plans: a valid plan mutated, and CSV text ------------------------------------------------------
const validPlan = {
  date: "2006-10-02",
  employer: { headcount: 250, proposesCRP: true },
  employees: examples.filter((e) => typeof e.aid === "string").map((e, i) => ({ id: `E${i}`, aid: e.aid, facts: e.facts })),
  scenarios: [{ name: "without CRP", employer: { proposesCRP: false } }],
};
const mutatedPlan = fc
  .tuple(fc.array(fc.nat(), { maxLength: 5 }), hostile, fc.oneof(fc.constantFrom("date", "employer", "employees", "scenarios", "parameters", "facts", "id", "aid"), fc.string({ maxLength: 8 })))
  .map(([steps, v, key]) => JSON.stringify(mutate(validPlan, steps, v, key)));
const csvCell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("", "true", "oui", "1,5", "2500.00", "-1", "1996-02-30", '"', '""', "crp", "atd", "\r"));
const csvText = fc
  .array(fc.array(csvCell, { minLength: 1, maxLength: 6 }), { maxLength: 8 })
  .chain((rows) => fc.constantFrom(",", ";", "\t").map((sep) => rows.map((r) => r.join(sep)).join("\n")));
const csvQuery = fc.oneof(
  fc.constant("?date=2006-10-02&headcount=250"),
  fc.tuple(fc.oneof(fc.constant("1996-03-01"), fc.string({ maxLength: 10 })), fc.oneof(fc.nat().map(String), fc.string({ maxLength: 5 })), fc.constantFrom("", "&proposesCRP=true", "&proposesCRP=x", "&detail=full"))
    .map(([d, h, rest]) => `?date=${encodeURIComponent(d)}&headcount=${encodeURIComponent(h)}${rest}`),
);

describe("fuzzing POST /v1/evaluate and POST /v1/plans", { timeout: 300_000 }, () => {
  it("random JSON documents", async () => {
    await fc.assert(fc.asyncProperty(fc.json({ maxDepth: 4 }), (j) => check(j)), { numRuns: 2000 });
  });

  it("random text and bytes, under random content types", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString("latin1"))),
        fc.constantFrom("application/json", "application/json; charset=latin1", "text/plain", "text/csv", "application/octet-stream", "multipart/form-data", "application/json; x=\""),
        (body, type) => check(body, type),
      ),
      { numRuns: 1500 },
    );
  });

  it("valid cases mutated: wrong types, unknown and missing fields, huge numbers, deep nesting, bad dates", async () => {
    await fc.assert(fc.asyncProperty(mutatedCase, (j) => check(j)), { numRuns: 3000 });
  });

  it("well-typed facts of every aid with extreme values, at any date", async () => {
    await fc.assert(fc.asyncProperty(typedCase, (c) => check(JSON.stringify(c))), { numRuns: 2500 });
  });

  it("plans: valid plans mutated", async () => {
    await fc.assert(fc.asyncProperty(mutatedPlan, (j) => check(j, "application/json", "/v1/plans")), { numRuns: 800 });
  });

  it("plans: random CSV text under random queries", async () => {
    await fc.assert(fc.asyncProperty(csvText, csvQuery, (csv, q) => check(csv, "text/csv", `/v1/plans${q}`)), { numRuns: 600 });
  });

  it("GET routes: random ids and dates, raw or percent-encoded", async () => {
    const part = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("R322-6", "smic_horaire_brut", "%", "%E0%A4%A", "..", "1996-03-01", "1996-02-30"));
    const raw = fc.boolean();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("articles", "parameters"), part, part, raw, (route, id, date, asIs) => {
        const enc = (x: string) => (asIs ? x.replace(/[\s?#/]/g, "") : encodeURIComponent(x));
        return check(undefined, "", `/v1/${route}/${enc(id) || "x"}?date=${enc(date)}`);
      }),
      { numRuns: 600 },
    );
  });

  it("sent at least 10,000 bodies, with both successes and errors", () => {
    console.log(`body fuzz: ${sent} requests; answers by status ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(statuses.get(200)).toBeGreaterThan(100);
    expect(statuses.get(400)).toBeGreaterThan(100);
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
  });
});
