/**
 * The dossier routes over HTTP (inject), on PGlite and on PostgreSQL: isolation between organisations on every
 * route, the role matrix, revocation, the session cookie and its CSRF checks, concurrency, and a restart.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { AuditEvent, Dossier, DossierSummary, ErrorBody, Evaluation, RecheckResult, SavedPlan, Session, type ErrorCode, type Result } from "@fne/schema";
import { buildServer } from "../src/server.ts";
import { describeBoth, freshStore } from "../../../packages/store/test/backends.ts";

const root = new URL("../../../", import.meta.url).pathname;
const atd = JSON.parse(readFileSync(`${root}rules/atd/examples/atd.json`, "utf8"));
const plan = JSON.parse(readFileSync(`${root}examples/plan.json`, "utf8"));

type Method = "GET" | "POST" | "DELETE";

function expectError(res: LightMyRequestResponse, status: number, code: ErrorCode) {
  expect(res.statusCode, res.body).toBe(status);
  expect(ErrorBody.parse(res.json()).error.code).toBe(code);
}

describeBoth("dossier routes", (backend) => {
  let s: Awaited<ReturnType<typeof freshStore>>;
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};

  const call = (method: Method, url: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });

  beforeAll(async () => {
    s = await freshStore(backend);
    for (const org of ["Lille", "Nantes"]) {
      await s.store.createOrganisation(org);
      for (const role of ["caseworker", "supervisor", "employer", "auditor"]) {
        tokens[`${org}/${role}`] = (await s.store.createToken({ organisation: org, role })).token;
      }
    }
    app = buildServer({ store: s.store });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await s?.close();
  });

  it("opens a dossier with its case, lists it, reads it, adds an evaluation", async () => {
    const t = tokens["Lille/caseworker"];
    const created = await call("POST", "/v1/dossiers", t, { reference: "LIL-001", case: atd });
    expect(created.statusCode, created.body).toBe(201);
    const d = Dossier.parse(created.json());
    expect(d).toMatchObject({ reference: "LIL-001", organisation: "Lille", status: "eligible" });
    // R322-6: (0.90 × 50 − 40) × 169 = 845.00 a month; 6 × 845 = 5070.00
    expect((d.evaluations[0]!.result as Result).amounts.total).toBe("5070.00");
    const list = DossierSummary.array().parse((await call("GET", "/v1/dossiers?q=LIL&status=eligible", t)).json());
    expect(list.map((x) => x.id)).toContain(d.id);
    const added = await call("POST", `/v1/dossiers/${d.id}/evaluations`, t, { case: { ...atd, facts: { ...atd.facts, newHourlyWage: "47.00" } } });
    expect(added.statusCode, added.body).toBe(201);
    // 0.90 × 50 = 45 < 47: no pay drop of more than 10 % → ineligible
    expect(Evaluation.parse(added.json()).status).toBe("ineligible");
    const read = Dossier.parse((await call("GET", `/v1/dossiers/${d.id}`, t)).json());
    expect(read.evaluations.map((e) => e.status)).toEqual(["eligible", "ineligible"]);
    expect(read.status).toBe("ineligible");
  });

  it("names the bad field: the case under `case`, an unknown field, a bad query", async () => {
    const t = tokens["Lille/caseworker"];
    const bad = await call("POST", "/v1/dossiers", t, { reference: "x", case: { ...atd, facts: { ...atd.facts, newMonthlyHours: "many" } } });
    expectError(bad, 400, "invalid_case");
    expect(ErrorBody.parse(bad.json()).error.issues.map((i) => i.path)).toEqual(["case.facts.newMonthlyHours"]);
    const extra = await call("POST", "/v1/dossiers", t, { reference: "x", name: "Jeanne" });
    expectError(extra, 400, "invalid_request");
    expect(ErrorBody.parse(extra.json()).error.issues.map((i) => i.path)).toEqual(["name"]);
    const empty = await call("POST", "/v1/dossiers", t, { reference: "  " });
    expect(ErrorBody.parse(empty.json()).error.issues.map((i) => i.path)).toEqual(["reference"]);
    expectError(await call("GET", "/v1/dossiers?status=great", t), 400, "invalid_request");
    expectError(await call("POST", "/v1/dossiers", t, "not json", { "content-type": "text/plain" }), 415, "unsupported_media_type");
  });

  it("never lets one organisation read, list, evaluate, export, erase or audit another's dossier: 404 on every route", async () => {
    const theirs = Dossier.parse((await call("POST", "/v1/dossiers", tokens["Nantes/caseworker"], { reference: "NAN-secret", case: atd })).json());
    const id = theirs.id;
    for (const role of ["caseworker", "supervisor", "auditor"]) {
      const t = tokens[`Lille/${role}`];
      const list = DossierSummary.array().parse((await call("GET", "/v1/dossiers", t)).json());
      expect(list.map((x) => x.id)).not.toContain(id);
      expect(list.map((x) => x.reference)).not.toContain("NAN-secret");
      expectError(await call("GET", `/v1/dossiers/${id}`, t), 404, "not_found");
      expectError(await call("GET", `/v1/dossiers/${id}/export`, t), 404, "not_found");
      if (role !== "auditor") {
        expectError(await call("POST", `/v1/dossiers/${id}/evaluations`, t, { case: atd }), 404, "not_found");
        expectError(await call("POST", `/v1/dossiers/${id}/evaluations`, t, { recheckOf: theirs.evaluations[0]!.id }), 404, "not_found");
      }
      if (role !== "caseworker") expectError(await call("GET", `/v1/audit?dossier=${id}`, t), 404, "not_found");
      if (role === "supervisor") {
        expectError(await call("DELETE", `/v1/dossiers/${id}`, t), 404, "not_found");
        const r = RecheckResult.parse((await call("POST", "/v1/recheck", t)).json());
        expect(r.changed.map((c) => c.dossier)).not.toContain(id);
        const audit = AuditEvent.array().parse((await call("GET", "/v1/audit", t)).json());
        expect(audit.map((e) => e.dossier)).not.toContain(id);
      }
    }
    // An id that is no uuid is just as unknown.
    expectError(await call("GET", "/v1/dossiers/not-an-id", tokens["Lille/caseworker"]), 404, "not_found");
    // Still there for its own organisation, untouched.
    const mine = Dossier.parse((await call("GET", `/v1/dossiers/${id}`, tokens["Nantes/caseworker"])).json());
    expect(mine.evaluations).toHaveLength(1);
  });

  it("follows the role matrix: 403 for a role that may not (an auditor cannot write; an employer sees no dossier)", async () => {
    const d = Dossier.parse((await call("POST", "/v1/dossiers", tokens["Lille/caseworker"], { reference: "LIL-roles", case: atd })).json());
    const may = async (role: string, method: Method, url: string, body?: unknown) => (await call(method, url, tokens[`Lille/${role}`], body)).statusCode;
    for (const role of ["auditor", "employer"]) {
      expect(await may(role, "POST", "/v1/dossiers", { reference: "x" })).toBe(403);
      expect(await may(role, "POST", `/v1/dossiers/${d.id}/evaluations`, { case: atd })).toBe(403);
      expect(await may(role, "DELETE", `/v1/dossiers/${d.id}`)).toBe(403);
      expect(await may(role, "POST", "/v1/recheck")).toBe(403);
    }
    expect(await may("caseworker", "DELETE", `/v1/dossiers/${d.id}`)).toBe(403);
    expect(await may("caseworker", "POST", "/v1/recheck")).toBe(403);
    expect(await may("caseworker", "GET", "/v1/audit")).toBe(403);
    expect(await may("employer", "GET", "/v1/dossiers")).toBe(403);
    expect(await may("employer", "GET", `/v1/dossiers/${d.id}`)).toBe(403);
    expect(await may("auditor", "GET", `/v1/dossiers/${d.id}`)).toBe(200);
    expect(await may("auditor", "GET", `/v1/dossiers/${d.id}/export`)).toBe(200);
    expect(await may("auditor", "GET", `/v1/audit?dossier=${d.id}`)).toBe(200);
    expect(await may("supervisor", "POST", "/v1/recheck")).toBe(200);
    expect(await may("caseworker", "POST", "/v1/saved-plans", { name: "p", plan })).toBe(403);
    expectError(await call("POST", "/v1/dossiers", tokens["Lille/auditor"], { reference: "x" }), 403, "forbidden");
  });

  it("answers 401 without a valid token, and refuses a revoked one at once", async () => {
    expectError(await call("GET", "/v1/dossiers", undefined), 401, "unauthorized");
    expectError(await call("GET", "/v1/dossiers", "fne_garbage"), 401, "unauthorized");
    expectError(await app.inject({ method: "GET", url: "/v1/dossiers", headers: { authorization: "Basic abc" } }), 401, "unauthorized");
    const t = await s.store.createToken({ organisation: "Lille", role: "caseworker" });
    expect((await call("GET", "/v1/dossiers", t.token)).statusCode).toBe(200);
    await s.store.revokeToken(t.id);
    expectError(await call("GET", "/v1/dossiers", t.token), 401, "unauthorized");
    // The public calculator needs no token.
    expect((await call("POST", "/v1/evaluate", undefined, atd)).statusCode).toBe(200);
  });

  it("exports a dossier as a JSON file, erases it, and keeps the events without the data", async () => {
    const d = Dossier.parse((await call("POST", "/v1/dossiers", tokens["Lille/caseworker"], { reference: "LIL-Jeanne-Dupont", case: atd })).json());
    const exported = await call("GET", `/v1/dossiers/${d.id}/export`, tokens["Lille/caseworker"]);
    expect(exported.headers["content-disposition"]).toMatch(/^attachment; filename="dossier-/);
    expect(Dossier.parse(exported.json()).evaluations).toHaveLength(1);
    expect((await call("DELETE", `/v1/dossiers/${d.id}`, tokens["Lille/supervisor"])).statusCode).toBe(204);
    expectError(await call("GET", `/v1/dossiers/${d.id}`, tokens["Lille/caseworker"]), 404, "not_found");
    const events = AuditEvent.array().parse((await call("GET", `/v1/audit?dossier=${d.id}`, tokens["Lille/auditor"])).json());
    expect(events.map((e) => e.action)).toEqual(["erased", "exported", "evaluated", "created"]);
    expect(events[0]).toMatchObject({ actorRole: "supervisor", dossier: d.id });
    expect(JSON.stringify(events)).not.toContain("Jeanne");
  });

  it("20 clients adding evaluations to one dossier at once lose none", async () => {
    const t = tokens["Lille/caseworker"];
    const d = Dossier.parse((await call("POST", "/v1/dossiers", t, { reference: "LIL-busy" })).json());
    const wages = Array.from({ length: 20 }, (_, i) => `${40 + i * 0.25}`);
    const answers = await Promise.all(wages.map((w) => call("POST", `/v1/dossiers/${d.id}/evaluations`, t, { case: { ...atd, facts: { ...atd.facts, newHourlyWage: w } } })));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(201));
    const read = Dossier.parse((await call("GET", `/v1/dossiers/${d.id}`, t)).json());
    expect(read.evaluations).toHaveLength(20);
    expect(new Set(read.evaluations.map((e) => (e.case as { facts: { newHourlyWage: string } }).facts.newHourlyWage))).toEqual(new Set(wages));
    const events = AuditEvent.array().parse((await call("GET", `/v1/audit?dossier=${d.id}&limit=100`, tokens["Lille/auditor"])).json());
    expect(events.filter((e) => e.action === "evaluated")).toHaveLength(20);
  });

  it("re-evaluates an evaluation under today's rules (recheckOf), audited as rechecked", async () => {
    const t = tokens["Lille/caseworker"];
    const d = Dossier.parse((await call("POST", "/v1/dossiers", t, { reference: "LIL-again", case: atd })).json());
    const res = await call("POST", `/v1/dossiers/${d.id}/evaluations`, t, { recheckOf: d.evaluations[0]!.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(Evaluation.parse(res.json())).toMatchObject({ recheckOf: d.evaluations[0]!.id, case: atd, status: "eligible" });
    expectError(await call("POST", `/v1/dossiers/${d.id}/evaluations`, t, { recheckOf: "00000000-0000-0000-0000-000000000000" }), 404, "not_found");
  });

  it("keeps an employer's plan with its scenarios and reopens its results", async () => {
    const t = tokens["Lille/employer"];
    const withScenario = { ...plan, scenarios: [{ name: "sans CRP", employer: { proposesCRP: false } }] };
    const res = await call("POST", "/v1/saved-plans", t, { name: "Plan 2006", plan: withScenario });
    expect(res.statusCode, res.body).toBe(201);
    const saved = SavedPlan.parse(res.json());
    expect(saved.result.scenarios?.map((x) => x.name)).toEqual(["sans CRP"]);
    const list = (await call("GET", "/v1/saved-plans", t)).json() as Array<{ id: string; name: string }>;
    expect(list.map((p) => p.name)).toEqual(["Plan 2006"]);
    const again = SavedPlan.parse((await call("GET", `/v1/saved-plans/${saved.id}`, t)).json());
    expect(again.result.totals).toEqual(saved.result.totals);
    expect(again.plan).toEqual(withScenario);
    expectError(await call("GET", `/v1/saved-plans/${saved.id}`, tokens["Nantes/employer"]), 404, "not_found");
    const bad = await call("POST", "/v1/saved-plans", t, { name: "x", plan: { ...plan, date: "2006-13-01" } });
    expectError(bad, 400, "invalid_plan");
    expect(ErrorBody.parse(bad.json()).error.issues.map((i) => i.path)).toEqual(["plan.date"]);
    expect((await call("DELETE", `/v1/saved-plans/${saved.id}`, t)).statusCode).toBe(204);
    expectError(await call("GET", `/v1/saved-plans/${saved.id}`, t), 404, "not_found");
  });

  describe("the web app's session cookie", () => {
    const signIn = async (token: string) => {
      const res = await call("POST", "/v1/session", undefined, { token });
      expect(res.statusCode, res.body).toBe(201);
      const cookie = String(res.headers["set-cookie"]);
      return { cookie: cookie.split(";")[0]!, raw: cookie, session: Session.parse(res.json()) };
    };

    it("is HttpOnly and SameSite=Strict, and holds no token", async () => {
      const { raw, session } = await signIn(tokens["Lille/caseworker"]!);
      expect(raw).toMatch(/HttpOnly/);
      expect(raw).toMatch(/SameSite=Strict/);
      expect(raw).not.toContain(tokens["Lille/caseworker"]!.slice("fne_".length + 33));
      expect(session).toMatchObject({ organisation: "Lille", role: "caseworker" });
      expectError(await call("POST", "/v1/session", undefined, { token: "fne_nope" }), 401, "unauthorized");
    });

    it("needs the CSRF header and this origin to change anything; reading needs neither", async () => {
      const { cookie, session } = await signIn(tokens["Lille/caseworker"]!);
      const withCookie = (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) => call(method, url, undefined, body, { cookie, ...headers });
      expect((await withCookie("GET", "/v1/dossiers")).statusCode).toBe(200);
      expectError(await withCookie("POST", "/v1/dossiers", { reference: "csrf" }), 403, "forbidden");
      expectError(await withCookie("POST", "/v1/dossiers", { reference: "csrf" }, { "x-csrf-token": "guess" }), 403, "forbidden");
      expectError(
        await withCookie("POST", "/v1/dossiers", { reference: "csrf" }, { "x-csrf-token": session.csrfToken!, origin: "https://evil.example" }),
        403,
        "forbidden",
      );
      expect((await withCookie("POST", "/v1/dossiers", { reference: "csrf" }, { "x-csrf-token": session.csrfToken!, origin: "http://localhost:80" })).statusCode).toBe(201);
      expect((await withCookie("POST", "/v1/dossiers", { reference: "csrf" }, { "x-csrf-token": session.csrfToken! })).statusCode).toBe(201);
      expect(Session.parse((await withCookie("GET", "/v1/session")).json()).csrfToken).toBe(session.csrfToken);
      // Sign out: the session is gone at once.
      expect((await withCookie("DELETE", "/v1/session", undefined, { "x-csrf-token": session.csrfToken! })).statusCode).toBe(204);
      expectError(await withCookie("GET", "/v1/dossiers"), 401, "unauthorized");
    });

    it("ends when its token is revoked", async () => {
      const t = await s.store.createToken({ organisation: "Lille", role: "caseworker" });
      const { cookie } = await signIn(t.token);
      expect((await call("GET", "/v1/dossiers", undefined, undefined, { cookie })).statusCode).toBe(200);
      await s.store.revokeToken(t.id);
      expectError(await call("GET", "/v1/dossiers", undefined, undefined, { cookie }), 401, "unauthorized");
    });
  });

  it("is ready, and keeps everything across a restart on the same data", async () => {
    expect((await app.inject("/ready")).json()).toMatchObject({ status: "ready" });
    const t = tokens["Lille/caseworker"];
    const before = DossierSummary.array().parse((await call("GET", "/v1/dossiers", t)).json());
    const one = Dossier.parse((await call("GET", `/v1/dossiers/${before[0]!.id}`, t)).json());
    await app.close();
    const store = await s.reopen();
    app = buildServer({ store });
    const after = DossierSummary.array().parse((await call("GET", "/v1/dossiers", t)).json());
    expect(after.map((d) => [d.id, d.reference, d.status, d.evaluationCount])).toEqual(before.map((d) => [d.id, d.reference, d.status, d.evaluationCount]));
    const again = Dossier.parse((await call("GET", `/v1/dossiers/${one.id}`, t)).json());
    expect(again).toEqual(one);
  });
});

describe("GET /openapi.json with a store", () => {
  it("documents exactly the routes the server has", async () => {
    const s = await freshStore({ name: "PGlite", create: async () => ({ config: { dataDir: "memory://" }, drop: async () => {} }) });
    const app = buildServer({ store: s.store });
    const routes: string[] = [];
    app.addHook("onRoute", (r) => {
      for (const m of [r.method].flat()) routes.push(`${m} ${r.url.replace(/:(\w+)/g, "{$1}")}`); // HEAD too: the document has each GET's twin
    });
    await app.ready();
    const doc = (await app.inject("/openapi.json")).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(routes.sort());
    expect(routes).toEqual(expect.arrayContaining(["POST /v1/dossiers", "GET /v1/audit", "POST /v1/recheck", "DELETE /v1/dossiers/{id}"]));
    await app.close();
    await s.close();
  }, 60_000);
});

describeBoth("dossier routes fuzzed", (backend) => {
  let s: Awaited<ReturnType<typeof freshStore>>;
  let app: FastifyInstance;
  let token: string;
  let dossier: string;
  beforeAll(async () => {
    s = await freshStore(backend);
    await s.store.createOrganisation("Lille");
    token = (await s.store.createToken({ organisation: "Lille", role: "supervisor" })).token;
    app = buildServer({ store: s.store });
    dossier = (await app.inject({ method: "POST", url: "/v1/dossiers", headers: { authorization: `Bearer ${token}` }, payload: { reference: "fuzz" } })).json().id;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await s?.close();
  });

  it("never answers a 5xx, and every refusal is the contract's Error", async () => {
    const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("\u0000", "a\u0000b", "%", "_", "\\", "'; drop table fne.audit; --", "1e400", "-1", "99999999999999999999"));
    const value = fc.oneof(text, fc.jsonValue({ maxDepth: 3 }), fc.constant(atd), fc.dictionary(fc.constantFrom(...Object.keys(atd.facts), "x"), fc.oneof(text, fc.jsonValue({ maxDepth: 1 }))).map((facts) => ({ ...atd, facts })));
    const request = fc.oneof(
      fc.record({ method: fc.constant("POST" as const), url: fc.constant("/v1/dossiers"), payload: fc.record({ reference: value, case: value }, { requiredKeys: [] }) }),
      fc.record({ method: fc.constant("POST" as const), url: fc.constant(`/v1/dossiers/${dossier}/evaluations`), payload: fc.oneof(fc.record({ case: value }), fc.record({ recheckOf: value }), value) }),
      fc.record({ method: fc.constant("POST" as const), url: fc.constant("/v1/saved-plans"), payload: fc.record({ name: value, plan: value }, { requiredKeys: [] }) }),
      fc.record({ method: fc.constant("GET" as const), url: fc.tuple(fc.constantFrom("/v1/dossiers?", "/v1/audit?", `/v1/dossiers/${dossier}/export?`), fc.dictionary(fc.constantFrom("q", "status", "limit", "offset", "dossier", "before", "format"), text)).map(([u, q]) => u + new URLSearchParams(q)) }),
      fc.record({ method: fc.constantFrom("GET" as const, "DELETE" as const), url: text.map((id) => `/v1/dossiers/${encodeURIComponent(id)}`) }),
    );
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const res = await app.inject({
          method: r.method,
          url: r.url,
          headers: { authorization: `Bearer ${token}`, ...("payload" in r ? { "content-type": "application/json" } : {}) },
          ...("payload" in r ? { payload: JSON.stringify(r.payload) } : {}),
        });
        if (res.statusCode >= 500) throw new Error(`${res.statusCode} for ${r.method} ${r.url} ${"payload" in r ? JSON.stringify(r.payload).slice(0, 300) : ""}: ${res.body.slice(0, 300)}`);
        if (res.statusCode >= 400) ErrorBody.parse(res.json());
      }),
      { numRuns: 300 },
    );
  });
});
