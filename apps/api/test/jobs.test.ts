/**
 * Jobs in one process (the embedded mode's path: the API works its own jobs), on PGlite and on PostgreSQL: the 202
 * of POST /v1/plans (asked, or above the row threshold), state and progress, the result in every format equal to the
 * single-process answer, a part that keeps failing, a recheck as a job (its organisation's only), /metrics; every
 * answer checked against the server's own OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { ErrorBody, RecheckResult } from "@fne/schema";
import { Jobs } from "@fne/store";
import { buildServer } from "../src/server.ts";
import { JobAccepted, JobAnswer, type JobSettings } from "../src/jobs.ts";
import { startJobWork, type JobWork } from "../src/jobs-work.ts";
import { describeBoth, freshStore, olderRules } from "../../../packages/store/test/backends.ts";
import { Contract } from "./contract.ts";
import { bigPlan, reference } from "./job-plans.ts";
import { startApi } from "./process.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const settings: JobSettings = { asyncRows: 100, partRows: 40, concurrency: 2, workInApi: true, queue: { retries: 1, expireSeconds: 30, pollSeconds: 0.5, keepHours: 1 } };

describeBoth("jobs in one process", (backend) => {
  let s: Awaited<ReturnType<typeof freshStore>>;
  let queue: Jobs;
  let work: JobWork;
  let app: FastifyInstance;
  let contract: Contract;
  const tokens: Record<string, string> = {};

  const get = (url: string, headers: Record<string, string> = {}) => contract.inject(app, { method: "GET", url, headers });
  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    contract.inject(app, { method: "POST", url, headers: { "content-type": "application/json", ...headers }, payload: typeof body === "string" ? body : JSON.stringify(body) });

  /** Polls the job until it is finished; its progress never goes back. */
  async function finished(id: string, headers: Record<string, string> = {}) {
    let done = 0;
    for (let i = 0; i < 600; i++) {
      const res = await get(`/v1/jobs/${id}`, headers);
      expect(res.statusCode, res.body).toBe(200);
      const job = JobAnswer.parse(res.json());
      expect(job.progress.done).toBeGreaterThanOrEqual(done);
      done = job.progress.done;
      if (job.state === "completed" || job.state === "failed") return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${id} did not finish`);
  }

  beforeAll(async () => {
    // Evaluations made under older rules, for the recheck job.
    s = await freshStore(backend, { runtime: olderRules() });
    for (const org of ["Lille", "Nantes"]) {
      await s.store.createOrganisation(org);
      tokens[org] = (await s.store.createToken({ organisation: org, role: "supervisor" })).token;
    }
    const p = (await s.store.authenticate(tokens.Lille!))!;
    const atd = { aid: "atd", date: "1996-03-01", facts: { collectiveLayoff: true, trainingPossible: false, priorHourlyWage: "50.00", newHourlyWage: "40.00", newMonthlyHours: 169 } };
    for (const ref of ["LIL-1", "LIL-2", "LIL-3"]) await s.store.createDossier(p, { reference: ref, case: atd });
    await s.reopen({});
    queue = new Jobs(s.store.database, settings.queue);
    await queue.start();
    app = buildServer({ store: s.store, jobs: { queue, settings, rowsWorkedHere: () => work.rows() } });
    work = await startJobWork({ jobs: queue, store: s.store, settings, log: app.log });
    contract = new Contract((await app.inject("/openapi.json")).json());
  }, 120_000);
  afterAll(async () => {
    await work?.stop();
    await app?.close();
    await s?.close();
  });

  it("answers 202 to ?async=true, then the result in every format, as the plan answered at once", async () => {
    const plan = bigPlan(4, "small");
    const res = await post("/v1/plans?async=true", plan);
    expect(res.statusCode, res.body).toBe(202);
    const { id, state } = JobAccepted.parse(res.json());
    expect(state).toBe("queued");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.location).toBe(`/v1/jobs/${id}`);
    const job = await finished(id);
    expect(job).toMatchObject({ state: "completed", progress: { done: 4, total: 4 }, result: `/v1/jobs/${id}/result` });
    for (const accept of ["application/json", "application/x-ndjson", "text/csv"]) {
      const now = await post("/v1/plans", plan, { accept });
      const later = await get(`/v1/jobs/${id}/result`, { accept });
      expect(later.statusCode).toBe(200);
      expect(later.headers["content-type"]).toBe(now.headers["content-type"]);
      expect(later.body).toBe(now.body);
    }
    const xlsx = await get(`/v1/jobs/${id}/result`, { accept: XLSX });
    expect(xlsx.headers["content-type"]).toBe(XLSX);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("makes a job of a plan above the row threshold: parts evaluated apart, every row once, totals of one run", async () => {
    // 250 rows, parts of 40: the row repeating an id (row 699 would; here the plan is cut so that ids repeat across parts)
    const plan = bigPlan(250, "big");
    plan.employees[200] = { ...plan.employees[200]!, id: plan.employees[10]!.id }; // a duplicate six parts later
    const res = await post("/v1/plans", plan);
    expect(res.statusCode, res.body).toBe(202);
    const { id } = JobAccepted.parse(res.json());
    expect(await finished(id)).toMatchObject({ state: "completed", progress: { done: 250, total: 250 } });
    const json = await get(`/v1/jobs/${id}/result`);
    expect(json.body).toBe(await reference(plan));
    const lines = (await get(`/v1/jobs/${id}/result`, { accept: "application/x-ndjson" })).body.trim().split("\n");
    expect(lines).toHaveLength(251); // one an employee, then the totals
    expect(lines.slice(0, -1).map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(plan.employees.map((e) => e.id));
    const dup = JSON.parse(lines[200]!) as { error: string };
    expect(dup.error).toContain(`duplicate id "${plan.employees[10]!.id}"`);
    expect(lines.at(-1)).toBe((await reference(plan, "jsonl")).trim().split("\n").at(-1));
  });

  it("makes a job of a French CSV file too: its result in the file's dialect, as the plan answered at once", async () => {
    // `;` cells, decimal commas, a row with a bad cell, a duplicate id in another part.
    const rows = Array.from({ length: 120 }, (_, i) => `F${i % 100 === 99 ? i - 50 : i};crp;oui;${12 + (i % 90)};${i % 3 ? "oui" : "non"};2 500,50;2400,00;2600,00;${i % 120};12,00`);
    rows[7] = "F7;crp;oui;beaucoup;oui;2500,00;2400,00;2600,00;10;12,00";
    const csv = `id;aid;economicDismissal;seniorityMonths;accepted;monthlyGrossSalary;averageMonthlyGrossLast12;averageMonthlyGrossLast3;difHoursBalance;netHourlyWage\r\n${rows.join("\r\n")}\r\n`;
    const url = "/v1/plans?date=2006-10-02&headcount=250&proposesCRP=true&lang=fr";
    const headers = { "content-type": "text/csv", accept: "text/csv" };
    const res = await contract.inject(app, { method: "POST", url: `${url}&async=true`, headers, payload: csv });
    expect(res.statusCode, res.body).toBe(202);
    const { id } = JobAccepted.parse(res.json());
    expect(await finished(id)).toMatchObject({ state: "completed", progress: { done: 120, total: 120 } });
    const plain = buildServer(); // no store: the plan answered at once, whatever its size
    const now = await plain.inject({ method: "POST", url, headers, payload: csv });
    await plain.close();
    expect(now.statusCode).toBe(200);
    const later = await get(`/v1/jobs/${id}/result`, { accept: "text/csv" });
    expect(later.body).toBe(now.body);
    expect(later.body).toContain("Ligne invalide");
  });

  it("checks a plan before queueing it: a bad plan is a 400, a bad query too, nothing queued", async () => {
    const before = await queue.countByState();
    const bad = await post("/v1/plans?async=true", { date: "2006-13-40", employees: [] });
    expect(bad.statusCode).toBe(400);
    expect(ErrorBody.parse(bad.json()).error.code).toBe("invalid_plan");
    const query = await post("/v1/plans?async=yes", bigPlan(2, "q"));
    expect(query.statusCode).toBe(400);
    expect(ErrorBody.parse(query.json()).error.issues[0]!.path).toBe("query.async");
    expect(await queue.countByState()).toEqual(before);
  });

  it("answers 404 for no such job, 406 for a format it cannot write, 409 for a failed job's result", async () => {
    expect((await get("/v1/jobs/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    expect((await get("/v1/jobs/not-an-id/result")).statusCode).toBe(404);
    const { id } = JobAccepted.parse((await post("/v1/plans?async=true", bigPlan(3, "fmt"))).json());
    await finished(id);
    expect((await get(`/v1/jobs/${id}/result`, { accept: "image/png" })).statusCode).toBe(406);
    // A part whose input no worker can read fails each time: after its retry the job fails, and says so.
    const broken = await queue.create({ kind: "plan", total: 1, spec: "{}", parts: [{ rows: 1, input: "not JSON" }] });
    const job = await finished(broken);
    expect(job.state).toBe("failed");
    expect(job.error).toBeTruthy();
    const res = await get(`/v1/jobs/${broken}/result`);
    expect(res.statusCode).toBe(409);
    expect(ErrorBody.parse(res.json()).error.message).toContain("failed");
  });

  it("runs a recheck as a job: the organisation's result, another organisation's 404", async () => {
    const auth = (org: string) => ({ authorization: `Bearer ${tokens[org]}` });
    const recheck = () => contract.inject(app, { method: "POST", url: "/v1/recheck?async=true", headers: auth("Lille") });
    const res = await recheck();
    expect(res.statusCode, res.body).toBe(202);
    const { id } = JobAccepted.parse(res.json());
    expect((await get(`/v1/jobs/${id}`)).statusCode).toBe(401);
    expect((await get(`/v1/jobs/${id}`, auth("Nantes"))).statusCode).toBe(404);
    expect(await finished(id, auth("Lille"))).toMatchObject({ kind: "recheck", state: "completed", progress: { done: 3, total: 3 } });
    const result = RecheckResult.parse((await get(`/v1/jobs/${id}/result`, auth("Lille"))).json());
    // R322-6: 0.95 × 50 − 40 = 7.50 an hour under the older rules, 0.90 × 50 − 40 = 5.00 now: every amount changes.
    expect(result.checked).toBe(3);
    expect(result.changed.map((c) => c.reference).sort()).toEqual(["LIL-1", "LIL-2", "LIL-3"]);
    // Done once: a second recheck finds nothing left.
    const again = JobAccepted.parse((await recheck()).json());
    await finished(again.id, auth("Lille"));
    expect(RecheckResult.parse((await get(`/v1/jobs/${again.id}/result`, auth("Lille"))).json()).checked).toBe(0);
  });

  it("tells Prometheus the requests, their latencies, the jobs by state and the rows per second", async () => {
    const res = await get("/metrics");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/plain");
    const text = res.body;
    expect(text).toMatch(/^fne_http_requests_total\{method="POST",route="\/v1\/plans",status="202"\} [1-9]/m);
    expect(text).toMatch(/^fne_http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/v1\/jobs\/:id"\} [1-9]/m);
    expect(text).toMatch(/^fne_jobs\{state="completed"\} [1-9]/m);
    expect(text).toMatch(/^fne_jobs\{state="failed"\} 1$/m);
    expect(text).toMatch(/^fne_job_rows_per_second [1-9]/m);
    expect(text).toMatch(/^fne_job_rows_total 377$/m); // 4 + 250 + 120 + 3 rows of the plan jobs above
    expect(text).toMatch(/^fne_process_cpu_seconds_total /m);
  });
});

describe("the job routes without a job queue", () => {
  it("are not there, and `async` is not a query parameter of POST /v1/plans", async () => {
    const app = buildServer();
    expect((await app.inject("/v1/jobs/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    const res = await app.inject({ method: "POST", url: "/v1/plans?async=true", headers: { "content-type": "application/json" }, payload: JSON.stringify(bigPlan(2, "x")) });
    expect(res.statusCode).toBe(400);
    await app.close();
  });
});

describe("pnpm api with the embedded database", () => {
  it("works its own jobs: 202, then the result", { timeout: 120_000 }, async () => {
    const api = await startApi({ RATE_LIMIT_MAX: "0" });
    try {
      const base = `http://127.0.0.1:${api.port}`;
      const plan = bigPlan(30, "embedded");
      const res = await fetch(`${base}/v1/plans?async=true`, { method: "POST", headers: { "content-type": "application/json", "x-request-id": "embedded-1" }, body: JSON.stringify(plan) });
      expect(res.status).toBe(202);
      expect(res.headers.get("x-request-id")).toBe("embedded-1");
      const { id } = JobAccepted.parse(await res.json());
      for (let i = 0; ; i++) {
        const job = JobAnswer.parse(await (await fetch(`${base}/v1/jobs/${id}`)).json());
        if (job.state === "completed") break;
        expect(job.state).not.toBe("failed");
        if (i > 300) throw new Error("the job did not complete");
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await (await fetch(`${base}/v1/jobs/${id}/result`)).text()).toBe(await reference(plan));
      const logs = api.out.logs.split("\n").filter(Boolean).map((l) => JSON.parse(l) as { msg: string; reqId?: string; job?: string });
      expect(logs.filter((l) => l.job === id).map((l) => [l.msg, l.reqId])).toEqual([
        ["plan queued as a job", "embedded-1"],
        ["job part done", "embedded-1"],
        ["job completed", "embedded-1"],
      ]);
    } finally {
      api.stop();
      await api.exited;
    }
  });
});
