/**
 * POST /v1/recheck stays bounded (issue #13; CONTRACT.md: "Large plans and rechecks run as jobs: above a row
 * threshold, or with ?async=true"): a recheck of more stored evaluations than RECHECK_ASYNC_ROWS is answered 202
 * and run as a job without being asked; one within the threshold is answered at once. On PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { RecheckResult } from "@fne/schema";
import { Jobs } from "@fne/store";
import { buildServer } from "../src/server.ts";
import { JobAccepted, JobAnswer, jobSettingsFromEnv, type JobSettings } from "../src/jobs.ts";
import { startJobWork, type JobWork } from "../src/jobs-work.ts";
import { describeBoth, freshStore, olderRules } from "../../../packages/store/test/backends.ts";
import { Contract } from "./contract.ts";

const THRESHOLD = 2;
const settings: JobSettings = { ...jobSettingsFromEnv({ RECHECK_ASYNC_ROWS: String(THRESHOLD) }), workInApi: true, queue: { retries: 1, expireSeconds: 30, pollSeconds: 0.5, keepHours: 1 } };
// R322-6: (0.90 × 50 − 40) × 169 = 845.00 a month now, (0.95 × 50 − 40) × 169 = 1267.50 under the older rules: each recheck changes.
const atd = { aid: "atd", date: "1996-03-01", facts: { collectiveLayoff: true, trainingPossible: false, priorHourlyWage: "50.00", newHourlyWage: "40.00", newMonthlyHours: 169 } };

it("RECHECK_ASYNC_ROWS is read from the environment: 1,000 by default, 0 for only when asked", () => {
  expect(jobSettingsFromEnv({}).recheckAsyncRows).toBe(1000);
  expect(jobSettingsFromEnv({ RECHECK_ASYNC_ROWS: "0" }).recheckAsyncRows).toBe(0);
  expect(() => jobSettingsFromEnv({ RECHECK_ASYNC_ROWS: "-1" })).toThrow("RECHECK_ASYNC_ROWS must be a whole number");
});

describeBoth("a recheck above the threshold is a job", (backend) => {
  let s: Awaited<ReturnType<typeof freshStore>>;
  let queue: Jobs;
  let work: JobWork;
  let app: FastifyInstance;
  let contract: Contract;
  const auth: Record<string, { authorization: string }> = {};
  const recheck = (org: string, query = "") => contract.inject(app, { method: "POST", url: `/v1/recheck${query}`, headers: auth[org]! });

  async function finished(id: string, org: string) {
    for (let i = 0; i < 600; i++) {
      const job = JobAnswer.parse((await contract.inject(app, { method: "GET", url: `/v1/jobs/${id}`, headers: auth[org]! })).json());
      if (job.state === "completed" || job.state === "failed") return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${id} did not finish`);
  }

  beforeAll(async () => {
    // Lille: three evaluations under the older rules (above the threshold of 2); Nantes: two (at it).
    s = await freshStore(backend, { runtime: olderRules() });
    for (const [org, n] of [["Lille", 3], ["Nantes", 2]] as const) {
      await s.store.createOrganisation(org);
      const token = (await s.store.createToken({ organisation: org, role: "supervisor" })).token;
      auth[org] = { authorization: `Bearer ${token}` };
      const p = (await s.store.authenticate(token))!;
      for (let i = 1; i <= n; i++) await s.store.createDossier(p, { reference: `${org}-${i}`, case: atd });
    }
    await s.reopen({});
    queue = new Jobs(s.store.database, settings.queue);
    await queue.start();
    app = buildServer({ store: s.store, jobs: { queue, settings } });
    work = await startJobWork({ jobs: queue, store: s.store, settings, log: app.log });
    contract = new Contract((await app.inject("/openapi.json")).json());
  }, 120_000);
  afterAll(async () => {
    await work?.stop();
    await app?.close();
    await s?.close();
  });

  it("counts what a recheck would take, up to one past the bound", async () => {
    const lille = (await s.store.authenticate(auth.Lille!.authorization.slice(7)))!;
    expect(await s.store.recheckCount({ organisationId: lille.organisationId }, 10)).toBe(3);
    expect(await s.store.recheckCount({ organisationId: lille.organisationId }, 1)).toBe(2);
    expect(await s.store.recheckCount({}, 10)).toBe(5);
  });

  it("three evaluations to recheck, above 2: 202 and a job, without ?async (async=false does not lift it)", async () => {
    const res = await recheck("Lille", "?async=false");
    expect(res.statusCode, res.body).toBe(202);
    const { id } = JobAccepted.parse(res.json());
    expect(res.headers.location).toBe(`/v1/jobs/${id}`);
    expect(await finished(id, "Lille")).toMatchObject({ kind: "recheck", state: "completed", progress: { done: 3 } });
    const result = RecheckResult.parse((await contract.inject(app, { method: "GET", url: `/v1/jobs/${id}/result`, headers: auth.Lille! })).json());
    expect(result.checked).toBe(3);
    expect(result.changed.map((c) => c.reference).sort()).toEqual(["Lille-1", "Lille-2", "Lille-3"]);
    // Nothing left: the next recheck is within the threshold, answered at once.
    const again = await recheck("Lille");
    expect(again.statusCode).toBe(200);
    expect(RecheckResult.parse(again.json()).checked).toBe(0);
  });

  it("two evaluations to recheck, at the threshold: answered at once (200)", async () => {
    const res = await recheck("Nantes");
    expect(res.statusCode, res.body).toBe(200);
    const result = RecheckResult.parse(res.json());
    expect(result.checked).toBe(2);
    expect(result.changed.map((c) => c.reference).sort()).toEqual(["Nantes-1", "Nantes-2"]);
  });
});
