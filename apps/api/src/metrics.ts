/**
 * GET /metrics: Prometheus text (prom-client). Requests and their latencies by route (the route's pattern, never
 * the raw URL: a bounded set of series), this process's own figures (CPU, memory, event-loop delay), and with a
 * store the jobs: how many in each state and the rows per second every worker together did over the last minute
 * (both read from the database, so that any replica tells the same).
 */
import type { FastifyInstance } from "fastify";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Jobs } from "@fne/store";

/** The window of the rows-per-second figure. */
const RATE_SECONDS = 60;

export function installMetrics(app: FastifyInstance, { jobs, rowsWorkedHere }: { jobs?: Jobs | undefined; rowsWorkedHere?: (() => number) | undefined } = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "fne_" });
  const requests = new Counter({ name: "fne_http_requests_total", help: "HTTP requests answered, by method, route and status.", labelNames: ["method", "route", "status"], registers: [registry] });
  const latency = new Histogram({
    name: "fne_http_request_duration_seconds",
    help: "Time to answer, by method and route (the last byte handed to the socket).",
    labelNames: ["method", "route"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  app.addHook("onResponse", async (req, reply) => {
    // An unknown URL is one series, not one per URL tried.
    const route = req.routeOptions.url ?? "(unknown)";
    requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    latency.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });
  if (jobs) {
    new Gauge({
      name: "fne_jobs",
      help: "Jobs (large plans, rechecks) by state, over the whole database.",
      labelNames: ["state"],
      registers: [registry],
      async collect() {
        for (const [state, n] of Object.entries(await jobs.countByState())) this.set({ state }, n);
      },
    });
    new Gauge({
      name: "fne_job_rows_per_second",
      help: `Plan rows evaluated per second by every worker together, over the last ${RATE_SECONDS} s.`,
      registers: [registry],
      async collect() {
        this.set((await jobs.rowsDoneSince(RATE_SECONDS)) / RATE_SECONDS);
      },
    });
  }
  if (rowsWorkedHere) {
    new Counter({
      name: "fne_job_rows_total",
      help: "Plan rows this process has evaluated for jobs.",
      registers: [registry],
      collect() {
        this.reset();
        this.inc(rowsWorkedHere());
      },
    });
  }
  // In a plugin: registered once the server's own route hooks are in place (the monitoring routes are never rate limited).
  app.register(async (scope) => {
    scope.get("/metrics", async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()));
  });
}
