/**
 * The work of a job's part, wherever it runs: in `pnpm worker` processes (a PostgreSQL server), or in `pnpm api`
 * itself with the embedded database (one process owns PGlite). One code path for both.
 *
 * A plan's part: claimed (skipped when a repeated message finds it done), evaluated in a worker thread, its output
 * written once; whoever writes the last part finishes the job (its totals: the parts' tallies merged in order).
 * A recheck: the store's recheck in batches, each batch's evaluations and its part of the result in one transaction.
 * One JSON log line per step, with the request id of the request that made the job.
 */
import type { FastifyBaseLogger } from "fastify";
import type { Jobs, PartHandler, PartMessage, Store } from "@fne/store";
import { planSummary, type JobSettings } from "./jobs.ts";
import { PlanPool } from "./plan-pool.ts";

export interface JobWork {
  /** Rows this process has evaluated (GET /metrics of an API that works jobs). */
  readonly rows: () => number;
  stop(): Promise<void>;
}

export async function startJobWork({ jobs, store, settings, log }: { jobs: Jobs; store: Store; settings: JobSettings; log: FastifyBaseLogger }): Promise<JobWork> {
  // One thread: more parts at once than threads only overlaps the database's reads and writes with the evaluation.
  const pool = new PlanPool(1);
  let rows = 0;

  async function planPart(m: PartMessage & { part: number }, l: FastifyBaseLogger) {
    const started = performance.now();
    const claimed = await jobs.claim(m.job, m.part);
    if (claimed) {
      const evaluating = performance.now();
      const r = await pool.part(claimed.spec, claimed.input);
      const evaluated = performance.now();
      const last = await jobs.complete(m.job, m.part, r.output, r.tallies);
      rows += r.rows;
      // Where a part's time goes: the database (claim, write) and the thread (read the rows, evaluate, write the results).
      const ms = (a: number, b: number) => Math.round(b - a);
      l.info({ rows: r.rows, ms: ms(started, performance.now()), evaluateMs: ms(evaluating, evaluated), databaseMs: ms(started, evaluating) + ms(evaluated, performance.now()) }, "job part done");
      if (!last) return;
    } else {
      // Delivered again (its worker died after writing it): done already; the job may still need finishing.
      l.info("job part already done");
      if ((await jobs.remaining(m.job)) > 0) return;
    }
    const s = await jobs.status(m.job);
    if (!s || s.state === "completed" || s.state === "failed") return;
    await jobs.finish(m.job, JSON.stringify(planSummary(s.spec, await jobs.tallies(m.job))));
    l.info({ total: s.progress.total }, "job completed");
  }

  async function recheck(m: PartMessage, l: FastifyBaseLogger) {
    const s = await jobs.status(m.job);
    if (!s || s.state === "completed" || s.state === "failed") return;
    await jobs.markActive(m.job);
    const { actor, organisationId } = JSON.parse(s.spec) as { actor: Parameters<Store["recheck"]>[0]; organisationId: string };
    const started = performance.now();
    await store.recheck(actor, { organisationId }, async (trx, part) => {
      await jobs.appendPart(trx, m.job, part.checked + part.refused.length, JSON.stringify(part));
      l.info({ rows: part.checked, refused: part.refused.length }, "recheck batch done");
    });
    // The result is read back from the parts: a recheck cut short and retried reports what both runs did, once.
    const parts = [];
    for await (const o of jobs.outputs(m.job)) parts.push(JSON.parse(o) as Awaited<ReturnType<Store["recheck"]>>);
    const refused = new Map(parts.flatMap((p) => p.refused).map((r) => [r.original, r]));
    const result = { rulesVersion: store.rulesVersion, checked: parts.reduce((n, p) => n + p.checked, 0), changed: parts.flatMap((p) => p.changed), refused: [...refused.values()] };
    await jobs.finish(m.job, JSON.stringify(result), result.checked);
    l.info({ checked: result.checked, changed: result.changed.length, ms: Math.round(performance.now() - started) }, "job completed");
  }

  const handle: PartHandler = async (m, attempt) => {
    const l = log.child({ reqId: m.requestId ?? undefined, job: m.job, ...(m.part !== null ? { part: m.part } : {}), ...(attempt.retry ? { retry: attempt.retry } : {}) });
    try {
      if (m.part === null) await recheck(m, l);
      else await planPart({ ...m, part: m.part }, l);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      l.error({ err: e, retriesLeft: attempt.of - attempt.retry }, "job part failed");
      await jobs.noteError(m.job, message).catch(() => undefined);
      throw e;
    }
  };

  await jobs.work(handle, { concurrency: settings.concurrency });
  return {
    rows: () => rows,
    async stop() {
      await jobs.stop();
      await pool.close();
    },
  };
}
