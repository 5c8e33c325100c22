/**
 * Plan throughput: a generated 100,000-employee CSV plan through the CLI as a user runs it (apps/cli/run.mjs, the
 * bundle with plain Node), for each output format: wall time, rows per second, peak memory (VmHWM, worker threads
 * included), and the ratio to the I/O floor of ../shared/tools/plan-io-floor.mjs measured in the same run (the same
 * file parsed and the same bytes written with no computation). Then one case, as the README shows it.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { planCsv } from "./gen-plan.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const rows = Number(process.env.PLAN_ROWS ?? 100_000);

function peakKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

async function run(args: string[], script = join(root, "apps/cli/run.mjs")) {
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "ignore"], cwd: root });
  let peak = 0;
  let bytes = 0;
  const poll = setInterval(() => (peak = Math.max(peak, peakKb(child.pid!))), 20);
  child.stdout.on("data", (b: Buffer) => (bytes += b.length));
  const code: number = await new Promise((r) => child.on("close", r));
  clearInterval(poll);
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, peakMb: peak / 1024, bytes, code };
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const floorScript = join(root, "../shared/tools/plan-io-floor.mjs");
const dir = mkdtempSync(join(tmpdir(), "fne-bench-"));
const file = join(dir, "plan.csv");
writeFileSync(file, planCsv(rows));
const plan = ["--csv", file, "--date", "2006-10-02", "--headcount", "250", "--proposes-crp", "true"];
await run(plan); // builds the bundle if a source changed
console.log(`\nplan: ${rows.toLocaleString("en-US")} crp employees from CSV through apps/cli/run.mjs (load average ${loadavg().map((x) => x.toFixed(2)).join(" ")})`);
const repeat = Number(process.env.PLAN_REPEAT ?? 3);
for (const [label, format, floorMode, extra] of [
  ["csv", "csv", "compact", []],
  ["jsonl", "jsonl", "compact", []],
  ["json (PlanResult)", "json", "full", []],
  ["csv + scenario proposesCRP=false", "csv", "compact", ["--compare", "proposesCRP=false"]],
] as const) {
  const runs = [];
  const floors: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const r = await run([...plan, "--format", format, ...extra]);
    if (r.code !== 0) throw new Error(`${label}: exit ${r.code}`);
    runs.push(r);
    if (existsSync(floorScript)) floors.push((await run([file, join(dir, "floor.out"), floorMode, String(Math.round(r.bytes / rows))], floorScript)).seconds);
  }
  const s = median(runs.map((r) => r.seconds));
  const peak = Math.max(...runs.map((r) => r.peakMb));
  const floor = floors.length ? median(floors) : NaN;
  // Each run against the floor run beside it: the ratio holds when the machine's load drifts between runs.
  const ratio = floors.length ? median(runs.map((r, i) => r.seconds / floors[i]!)) : NaN;
  console.log(
    `  ${label.padEnd(34)} ${s.toFixed(2)} s wall (median of ${repeat})  ${Math.round(rows / s).toLocaleString("en-US").padStart(9)} rows/s  peak ${peak.toFixed(0)} MB  output ${(runs[0]!.bytes / 2 ** 20).toFixed(0)} MiB` +
      (floors.length ? `  floor ${floor.toFixed(2)} s → ${ratio.toFixed(2)}× the ${floorMode} floor (median of the pairs)` : "  (no ../shared/tools/plan-io-floor.mjs: no floor)"),
  );
}
const one = [];
for (let i = 0; i < 5; i++) one.push((await run(["rules/atd/examples/atd.json"])).seconds);
console.log(`  one case (apps/cli/run.mjs rules/atd/examples/atd.json)  ${median(one).toFixed(2)} s wall (median of 5)`);
rmSync(dir, { recursive: true });
