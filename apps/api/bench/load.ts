/**
 * pnpm bench:api: load figures for the API over real HTTP on loopback. The server runs as a child process
 * (as `pnpm api` runs it: apps/api/run.mjs, so the load generator does not share its event loop), autocannon drives each scenario
 * for a bounded time, then the server is stopped with SIGTERM.
 *
 * BENCH_SECONDS (10 per scenario), BENCH_CONNECTIONS (10), BENCH_ONLY (run the scenarios whose name contains it),
 * LOG_LEVEL of the server (warn: request logs off; info: one line per request and per answer, to /dev/null).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg } from "node:os";
import autocannon from "autocannon";
import { getRuntime } from "@fne/engine";
import { planFromCsv } from "@fne/planfile";
import { planCsv } from "../../../bench/gen-plan.ts";

const root = new URL("../../../", import.meta.url).pathname;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const host = "127.0.0.1"; // loopback only

interface Scenario {
  name: string;
  path: string;
  /** A POST body; none: GET. */
  body?: string;
  contentType?: string;
  /** Concurrent connections (BENCH_CONNECTIONS by default). */
  connections?: number;
}

const example = (path: string) => readFileSync(`${root}${path}`, "utf8");
const scenarios: Scenario[] = [
  { name: "GET /health (HTTP and Fastify alone)", path: "/health" },
  { name: "POST /v1/evaluate (one aid: atd)", path: "/v1/evaluate", body: example("rules/atd/examples/atd.json") },
  { name: "POST /v1/evaluate (crp)", path: "/v1/evaluate", body: example("rules/crp/examples/crp.json") },
  { name: "POST /v1/evaluate (screening, every aid)", path: "/v1/evaluate", body: example("examples/screening.json") },
];

// A 1,000-employee CRP plan (bench/gen-plan.ts), as CSV and as JSON; 2 connections: each plan takes a while.
const plan = { date: "2006-10-02", headcount: 1000, proposesCRP: true };
const csv = planCsv(1000);
const planJson = JSON.stringify(planFromCsv(getRuntime(), csv, plan));
const planQuery = `?date=${plan.date}&headcount=${plan.headcount}&proposesCRP=${plan.proposesCRP}`;
scenarios.push(
  { name: "POST /v1/plans (1,000 employees, JSON)", path: "/v1/plans", body: planJson, connections: 2 },
  { name: "POST /v1/plans (1,000 employees, CSV)", path: `/v1/plans${planQuery}`, body: csv, contentType: "text/csv", connections: 2 },
);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, host, () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

async function waitUntilUp(base: string, child: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server did not start within 60 s");
}

/**
 * CPU seconds the server process has used (Linux /proc; user + system): divided by the requests served, a
 * figure that holds on a shared machine, where requests per second depend on what the others run.
 */
function cpuSeconds(pid: number): number | undefined {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return undefined;
  const fields = readFileSync(stat, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

async function run(base: string, s: Scenario, pid: number, duration = seconds) {
  const cpu0 = cpuSeconds(pid);
  const r = await autocannon({
    url: `${base}${s.path}`,
    ...(s.body === undefined ? { method: "GET" } : { method: "POST", headers: { "content-type": s.contentType ?? "application/json" }, body: s.body }),
    connections: s.connections ?? connections,
    duration,
  });
  const cpu1 = cpuSeconds(pid);
  const cpuPerRequest = cpu0 === undefined || cpu1 === undefined ? undefined : ((cpu1 - cpu0) / r.requests.total) * 1e6;
  return { name: s.name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, ok: r["2xx"], bad: r.non2xx + r.errors + r.timeouts, cpuPerRequest };
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");

async function main() {
  const port = await freePort();
  const base = `http://${host}:${port}`;
  const child = spawn(process.execPath, ["apps/api/run.mjs"], {
    cwd: root,
    // One client drives the load: the per-client rate limit is off, as for several clients.
    env: { ...process.env, PORT: String(port), HOST: host, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn", RATE_LIMIT_MAX: "0" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitUntilUp(base, child);
    console.log(`API load, ${base}, ${connections} connections (2 for plans), ${seconds} s per scenario; load average before: ${load()}`);
    const rows = [];
    for (const s of scenarios.filter((x) => x.name.includes(process.env.BENCH_ONLY ?? ""))) {
      await run(base, s, child.pid!, 2); // warm-up (JIT, connection set-up), not counted
      rows.push(await run(base, s, child.pid!));
    }
    console.log(`\n  ${"scenario".padEnd(44)} ${"req/s".padStart(9)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"2xx".padStart(9)} ${"other".padStart(6)} ${"server CPU µs/req".padStart(18)}`);
    for (const r of rows) {
      console.log(`  ${r.name.padEnd(44)} ${Math.round(r.rps).toString().padStart(9)} ${r.p50.toString().padStart(7)} ${r.p99.toString().padStart(7)} ${r.ok.toString().padStart(9)} ${r.bad.toString().padStart(6)} ${(r.cpuPerRequest?.toFixed(0) ?? "n/a").padStart(18)}`);
    }
    console.log(`\nload average after: ${load()} (2 cores, shared)`);
    if (rows.some((r) => r.bad > 0)) process.exitCode = 1;
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
  }
}

await main();
