/**
 * Plans through the job path on PostgreSQL (TEST_DATABASE_URL: `pnpm bench` starts a server with
 * scripts/with-postgres.sh): one API process that queues (FNE_WORK_JOBS=false) and 1, then 2, `pnpm worker`
 * processes. BENCH_JOB_PLANS (10) plans of BENCH_JOB_ROWS (10,000) rows are submitted at once; the clock runs from
 * the first POST to the last job completed. Reports rows per second, jobs per minute and the median time of a part
 * (claim, evaluate in the worker's thread, write) and the workers' CPU time per 10,000 rows, medians of BENCH_RUNS (3)
 * runs, beside the same plan answered at once by POST /v1/plans (one process, streamed) and the load average.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { serverDatabase } from "../packages/store/test/databases.ts";
import { bigPlan } from "../apps/api/test/job-plans.ts";
import { startApi, startWorker } from "../apps/api/test/process.ts";

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  console.error("TEST_DATABASE_URL is not set: run through scripts/with-postgres.sh (pnpm bench does)");
  process.exit(2);
}
const plans = Number(process.env.BENCH_JOB_PLANS ?? 10);
const rows = Number(process.env.BENCH_JOB_ROWS ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");

/** CPU seconds a process has used so far (user + system, from /proc: Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

const bodies = Array.from({ length: plans }, (_, i) => JSON.stringify(bigPlan(rows, `B${i}`)));

async function once(workerCount: number) {
  const db = await serverDatabase(url!);
  const env = { DATABASE_URL: db.config.databaseUrl!, FNE_WORK_JOBS: "false", PLAN_ASYNC_ROWS: "0", RATE_LIMIT_MAX: "0", JOB_POLL_SECONDS: "0.5", LOG_LEVEL: "info" };
  const api = await startApi(env);
  const workers = Array.from({ length: workerCount }, () => startWorker(env));
  try {
    while (!workers.every((w) => w.lines().some((l) => l.msg === "worker ready"))) await new Promise((r) => setTimeout(r, 100));
    const base = `http://127.0.0.1:${api.port}`;
    // The same plan at once (PLAN_ASYNC_ROWS=0: a job only when asked), the answer read whole.
    const t = performance.now();
    await (await fetch(`${base}/v1/plans`, { method: "POST", headers: { "content-type": "application/json" }, body: bodies[0] })).text();
    const direct = rows / ((performance.now() - t) / 1000);

    const cpu0 = workers.map((w) => cpuSeconds(w.child.pid!));
    const t0 = performance.now();
    const ids = await Promise.all(
      bodies.map(async (body) => ((await (await fetch(`${base}/v1/plans?async=true`, { method: "POST", headers: { "content-type": "application/json" }, body })).json()) as { id: string }).id),
    );
    const submitted = (performance.now() - t0) / 1000;
    for (;;) {
      const states = await Promise.all(ids.map(async (id) => ((await (await fetch(`${base}/v1/jobs/${id}`)).json()) as { state: string }).state));
      if (states.some((s) => s === "failed")) throw new Error("a job failed");
      if (states.every((s) => s === "completed")) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - t0) / 1000;
    const workerCpu = workers.reduce((n, w, i) => n + cpuSeconds(w.child.pid!) - cpu0[i]!, 0);
    const parts = workers.flatMap((w) => w.lines().filter((l) => l.msg === "job part done"));
    return {
      rowsPerSecond: (plans * rows) / seconds,
      jobsPerMinute: (plans / seconds) * 60,
      /** CPU the workers spent per 10,000 rows (all their threads): what a row costs, however many share the cores. */
      cpuPer10k: (workerCpu / (plans * rows)) * 10_000,
      partMs: median(parts.map((l) => l.ms!)),
      evaluateMs: median(parts.map((l) => l.evaluateMs!)),
      databaseMs: median(parts.map((l) => l.databaseMs!)),
      parts: parts.length,
      submitted,
      direct,
    };
  } finally {
    for (const w of workers) w.child.kill("SIGTERM");
    await Promise.all(workers.map((w) => w.exited));
    api.child.kill("SIGTERM");
    await api.exited;
    await db.drop();
  }
}

console.log(`\nPlans through the job path (PostgreSQL): ${plans} plans × ${rows.toLocaleString("en-US")} rows submitted at once to one API; load average before: ${load()}`);
for (const n of [1, 2]) {
  const r: Array<Awaited<ReturnType<typeof once>>> = [];
  for (let i = 0; i < runs; i++) r.push(await once(n));
  const m = (k: keyof (typeof r)[number]) => median(r.map((x) => x[k]));
  console.log(
    `  ${n} worker${n > 1 ? "s" : " "}: ${Math.round(m("rowsPerSecond")).toLocaleString("en-US").padStart(7)} rows/s, ${m("jobsPerMinute").toFixed(1).padStart(6)} jobs/min; ` +
      `a part (${r[0]!.parts / plans} a plan) ${Math.round(m("partMs"))} ms (thread ${Math.round(m("evaluateMs"))} ms, database ${Math.round(m("databaseMs"))} ms); workers' CPU ${m("cpuPer10k").toFixed(2)} s per 10,000 rows; all submitted in ${m("submitted").toFixed(1)} s; ` +
      `the same plan at once (POST /v1/plans, one process): ${Math.round(m("direct")).toLocaleString("en-US")} rows/s  (median of ${runs}; load average after: ${load()})`,
  );
}
