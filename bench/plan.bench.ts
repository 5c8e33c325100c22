/**
 * Plan throughput: a generated 100,000-employee CSV plan through `pnpm calc --csv` (the bundled CLI, as a user
 * runs it), wall time, rows per second and peak memory (VmHWM of the process, worker threads included).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

async function run(args: string[]) {
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [join(root, "apps/cli/run.mjs"), ...args], { stdio: ["ignore", "pipe", "ignore"] });
  let peak = 0;
  let bytes = 0;
  const poll = setInterval(() => (peak = Math.max(peak, peakKb(child.pid!))), 20);
  child.stdout.on("data", (b: Buffer) => (bytes += b.length));
  const code: number = await new Promise((r) => child.on("close", r));
  clearInterval(poll);
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, peakMb: peak / 1024, bytes, code };
}

const dir = mkdtempSync(join(tmpdir(), "fne-bench-"));
const file = join(dir, "plan.csv");
writeFileSync(file, planCsv(rows));
await run(["--csv", file, "--date", "2006-10-02", "--headcount", "250"]); // builds the bundle once
console.log(`\nplan: ${rows.toLocaleString("en-US")} crp employees from CSV through pnpm calc --csv (node apps/cli/run.mjs)`);
for (const [label, extra] of [
  ["plan", []],
  ["plan + scenario proposesCRP=false", ["--compare", "proposesCRP=false"]],
] as const) {
  const r = await run(["--csv", file, "--date", "2006-10-02", "--headcount", "250", "--proposes-crp", "true", ...extra]);
  if (r.code !== 0) throw new Error(`${label}: exit ${r.code}`);
  console.log(`  ${label.padEnd(36)} ${r.seconds.toFixed(2)} s wall   ${Math.round(rows / r.seconds).toLocaleString("en-US").padStart(9)} rows/s   peak ${r.peakMb.toFixed(0)} MB   output ${(r.bytes / 2 ** 20).toFixed(0)} MiB`);
}
rmSync(dir, { recursive: true });
