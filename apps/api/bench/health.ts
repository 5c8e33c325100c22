/**
 * pnpm bench:health: how long GET /health waits while clients send the heaviest requests the evaluate route
 * reads (outside plans, whose bounds belong with the plan engine): screenings with every fact of every aid, cases
 * as large as the body limit whose amount has 60,000 digits or with 5,000 unknown names, and a case of a million
 * digits (1 MB: refused by its size, read and dropped). `pnpm api` runs in its own process without a rate limit
 * (as several clients would load it); autocannon drives the load, and a probe asks /health every 20 ms on its own
 * connection. Prints the probe's latencies and the load average.
 *
 * HEALTH_SECONDS (10), HEALTH_CONNECTIONS (8).
 */
import { readFileSync } from "node:fs";
import { request, Agent } from "node:http";
import { loadavg } from "node:os";
import autocannon from "autocannon";
import { exampleFiles } from "../../../test/examples.ts";

const root = new URL("../../../", import.meta.url).pathname;

/** The request bodies of the load, by name. */
export function heavyBodies(): Record<string, string> {
  const facts: Record<string, unknown> = {};
  for (const f of exampleFiles().filter((x) => x !== "examples/plan.json")) {
    Object.assign(facts, (JSON.parse(readFileSync(`${root}${f}`, "utf8")) as { facts?: object }).facts);
  }
  return {
    "screening, every fact of every aid": JSON.stringify({ date: "2006-10-02", facts }),
    "an amount of 60,000 digits": JSON.stringify({ aid: "atd", date: "1996-03-01", facts: { priorHourlyWage: "9".repeat(60_000) } }),
    "5,000 unknown names": JSON.stringify({ date: "1996-03-01", facts: Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`x${i}`, 1])) }),
    "an amount of a million digits": JSON.stringify({ aid: "atd", date: "1996-03-01", facts: { priorHourlyWage: "9".repeat(1_000_000) } }),
  };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Loads the server at `port` for `seconds` while probing /health; the probe's latencies (ms) and what the load got. */
export async function healthUnderLoad(port: number, seconds = 10, connections = 8) {
  const bodies = Object.values(heavyBodies());
  const load = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: bodies.map((body) => ({ method: "POST", path: "/v1/evaluate", headers: { "content-type": "application/json" }, body })),
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const samples: number[] = [];
  const probe = () =>
    new Promise<void>((resolve, reject) => {
      const t0 = performance.now();
      request({ host: "127.0.0.1", port, path: "/health", agent }, (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode !== 200) reject(new Error(`/health answered ${res.statusCode}`));
          samples.push(performance.now() - t0);
          resolve();
        });
      })
        .on("error", reject)
        .end();
    });
  const until = performance.now() + seconds * 1000;
  await new Promise((r) => setTimeout(r, 500)); // let the load start
  while (performance.now() < until - 500) {
    await probe();
    await new Promise((r) => setTimeout(r, 20));
  }
  const result = await load;
  agent.destroy();
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    probes: sorted.length,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1)!,
    load: { requests: result["2xx"] + result.non2xx, "2xx": result["2xx"], non2xx: result.non2xx, errors: result.errors },
    loadavg: loadavg().map((x) => x.toFixed(2)).join(" "),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { startApi } = await import("../test/process.ts");
  const api = await startApi({ LOG_LEVEL: "warn", RATE_LIMIT_MAX: "0" });
  try {
    const seconds = Number(process.env.HEALTH_SECONDS ?? 10);
    const connections = Number(process.env.HEALTH_CONNECTIONS ?? 8);
    console.log(`GET /health under load: ${connections} connections of ${Object.keys(heavyBodies()).join("; ")}, ${seconds} s; load average before: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
    const r = await healthUnderLoad(api.port, seconds, connections);
    console.log(`  /health: ${r.probes} probes, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`);
    console.log(`  load: ${r.load.requests} requests (${r.load["2xx"]} 2xx, ${r.load.non2xx} other, ${r.load.errors} errors)`);
    console.log(`  load average after: ${r.loadavg} (2 cores, shared)`);
  } finally {
    api.stop();
  }
}
