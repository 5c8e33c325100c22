/**
 * Scale-out on a real PostgreSQL server (TEST_DATABASE_URL: scripts/with-postgres.sh, as pnpm test and .ci/run
 * start it): two API processes and two `pnpm worker` processes on this machine, 20 plans above the row threshold
 * submitted across both APIs, one worker killed with SIGKILL in the middle of the work. Every job completes, each
 * plan's result (read through the replica that did not take it) holds every row exactly once and is byte for byte
 * the answer of one process running the whole plan; both replicas tell the same metrics.
 */
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverDatabase, type TestDatabase } from "../../../packages/store/test/databases.ts";
import { JobAccepted, JobAnswer } from "../src/jobs.ts";
import { Contract } from "./contract.ts";
import { bigPlan, reference } from "./job-plans.ts";
import { startApi, startWorker } from "./process.ts";

const PLANS = 20;
const ROWS = 2000;
const url = process.env.TEST_DATABASE_URL;

async function until<T>(what: string, seconds: number, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`${what}: not within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const suite = url ? describe : process.env.CI ? describe : describe.skip;

suite(`two API replicas and two workers on PostgreSQL${url ? "" : " (TEST_DATABASE_URL unset; pnpm test starts a server)"}`, { timeout: 240_000 }, () => {
  let db: TestDatabase;
  const apis: Array<Awaited<ReturnType<typeof startApi>>> = [];
  const workers: Array<ReturnType<typeof startWorker>> = [];
  let contract: Contract;

  beforeAll(async () => {
    if (!url) return;
    db = await serverDatabase(url);
    const env = {
      DATABASE_URL: db.config.databaseUrl!,
      FNE_DB_POOL: "5",
      PLAN_ASYNC_ROWS: "1500",
      JOB_PART_ROWS: "400",
      // A part whose worker died is handed to another after 5 s (120 s by default).
      JOB_EXPIRE_SECONDS: "5",
      JOB_POLL_SECONDS: "0.5",
      RATE_LIMIT_MAX: "0",
      LOG_LEVEL: "info",
    };
    // The first API makes the schemas (migrations, pg-boss); the others find them made.
    apis.push(await startApi(env));
    apis.push(await startApi(env));
    for (let i = 0; i < 2; i++) workers.push(startWorker(env));
    await until("the workers start", 60, () => (workers.every((w) => w.lines().some((l) => l.msg === "worker ready")) ? true : undefined));
    contract = new Contract((await (await fetch(`http://127.0.0.1:${apis[0]!.port}/openapi.json`)).json()) as object);
  }, 120_000);

  afterAll(async () => {
    for (const p of [...apis.map((a) => a.child), ...workers.map((w) => w.child)] as ChildProcess[]) if (p.exitCode === null) p.kill("SIGKILL");
    await Promise.all(apis.map((a) => a.exited));
    await db?.drop();
  });

  /** A request to replica `i`, its answer checked against the served OpenAPI document. */
  async function call(i: number, path: string, init: RequestInit = {}) {
    const res = await fetch(`http://127.0.0.1:${apis[i % 2]!.port}${path}`, init);
    const body = await res.text();
    contract.check(init.method ?? "GET", path, { statusCode: res.status, headers: Object.fromEntries(res.headers), body });
    return { status: res.status, headers: res.headers, body };
  }

  it("has a PostgreSQL server to run on", () => {
    if (!url) throw new Error("TEST_DATABASE_URL is not set: run the tests through scripts/with-postgres.sh (as pnpm test and .ci/run do)");
  });

  it("completes 20 large plans across both replicas with a worker killed mid-job: every row once, the totals of one process", async () => {
    if (!url) return;
    const plans = Array.from({ length: PLANS }, (_, i) => bigPlan(ROWS, `P${i}`));
    const started = performance.now();
    const ids = await Promise.all(
      plans.map(async (plan, i) => {
        const res = await call(i, "/v1/plans", { method: "POST", headers: { "content-type": "application/json", "x-request-id": `scale-${i}` }, body: JSON.stringify(plan) });
        expect(res.status, res.body).toBe(202);
        return JobAccepted.parse(JSON.parse(res.body)).id;
      }),
    );

    // One worker dies (SIGKILL: no goodbye) as soon as it has done a part: it holds the next one(s) then.
    const victim = workers[0]!;
    await until("the first worker does a part", 60, () => (victim.lines().some((l) => l.msg === "job part done") ? true : undefined));
    victim.child.kill("SIGKILL");
    const doneByVictim = victim.lines().filter((l) => l.msg === "job part done").length;

    // Every job completes; each is asked through the replica that did not take it.
    const jobs = await until("every job completes", 180, async () => {
      const all = await Promise.all(ids.map(async (id, i) => JobAnswer.parse(JSON.parse((await call(i + 1, `/v1/jobs/${id}`)).body))));
      expect(all.filter((j) => j.state === "failed")).toEqual([]);
      return all.every((j) => j.state === "completed") ? all : undefined;
    });
    const seconds = (performance.now() - started) / 1000;
    for (const j of jobs) expect(j.progress).toEqual({ done: ROWS, total: ROWS });

    // The part the victim held was handed to the other worker once it expired (a delivery again: `retry`).
    const survivor = workers[1]!.lines();
    expect(survivor.some((l) => l.msg === "job part done" && (l.retry ?? 0) >= 1)).toBe(true);
    // Each job's log lines carry the id of the request that made it.
    for (const l of survivor.filter((x) => x.msg === "job part done")) expect(l.reqId).toMatch(/^scale-\d+$/);

    for (let i = 0; i < PLANS; i++) {
      const json = await call(i + 1, `/v1/jobs/${ids[i]}/result`);
      expect(json.status).toBe(200);
      expect(json.body === (await reference(plans[i]))).toBe(true);
      const lines = (await call(i + 1, `/v1/jobs/${ids[i]}/result`, { headers: { accept: "application/x-ndjson" } })).body.trim().split("\n");
      expect(lines).toHaveLength(ROWS + 1);
      expect(lines.slice(0, -1).map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(plans[i]!.employees.map((e) => e.id));
    }
    console.log(
      `${PLANS} plans × ${ROWS} rows through 2 API replicas and 2 workers (one killed after ${doneByVictim} parts): ${seconds.toFixed(1)} s, ` +
        `${Math.round((PLANS * ROWS) / seconds)} rows/s, ${((PLANS / seconds) * 60).toFixed(0)} jobs/min`,
    );
  });

  it("tells the same job metrics on both replicas (they are read from the database)", async () => {
    if (!url) return;
    for (const i of [0, 1]) {
      const text = (await call(i, "/metrics")).body;
      expect(text).toMatch(new RegExp(`^fne_jobs\\{state="completed"\\} ${PLANS}$`, "m"));
      expect(text).toMatch(/^fne_jobs\{state="failed"\} 0$/m);
      expect(text).toMatch(/^fne_job_rows_per_second [1-9]/m);
      expect(text).toMatch(/^fne_http_requests_total\{method="GET",route="\/v1\/jobs\/:id\/result",status="200"\} [1-9]/m);
    }
  });
});
