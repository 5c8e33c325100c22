/**
 * GET /health keeps answering while clients send the heaviest requests the evaluate route reads (issue 13): the
 * figure is apps/api/bench/health.ts's (pnpm bench:health); here only a generous bound is checked, the machine being
 * shared. Before the limits on digits, one case whose amount had a million digits held the event loop 2.2 s.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthUnderLoad } from "../bench/health.ts";
import { startApi } from "./process.ts";

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi({ LOG_LEVEL: "warn", RATE_LIMIT_MAX: "0" });
}, 120_000);
afterAll(() => api.stop());

describe("/health under load", () => {
  it("answers within a generous bound while 8 connections send the heaviest cases", { timeout: 60_000 }, async () => {
    const r = await healthUnderLoad(api.port, 6, 8);
    console.log(`/health under load: p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms over ${r.probes} probes; ${r.load.requests} heavy requests; load average ${r.loadavg}`);
    expect(r.load.errors).toBe(0);
    expect(r.probes).toBeGreaterThan(20);
    expect(r.p50).toBeLessThan(250);
    expect(r.p99).toBeLessThan(1000);
  });
});
