/**
 * Jobs (CONTRACT.md: large plans and rechecks): a row in `fne.jobs` with its parts in `fne.job_parts`, and one
 * message per part on a pg-boss queue (pgboss schema, same database), which any number of processes work.
 *
 * Exactly once, whoever works a part and however often: a part's output is written once (`done_at is null`), and a
 * message delivered again (a worker killed mid-part: pg-boss hands the part to another once it expires) finds the
 * part done and stops there. The job is finished by whichever process writes its last part; finishing twice writes
 * the same summary. Rows, their state and their progress live in the database only: a process may die at any time.
 *
 * What the parts hold (a plan's rows and results) is opaque text here: apps/api/src/jobs-work.ts reads and writes it.
 */
import { randomUUID } from "node:crypto";
import { CompiledQuery, sql, type Kysely, type Transaction } from "kysely";
import PgBoss from "pg-boss";
import type { Database, SqlClient } from "./database.ts";
import type { JobKind, JobState, Tables } from "./tables.ts";

export type { JobKind, JobState };

/** The queue's settings (README "Deploy": JOB_* variables). */
export interface JobOptions {
  /** Deliveries of a part after its first, when it fails or its worker dies (JOB_RETRIES). */
  retries: number;
  /** A part still active after this long is taken to have lost its worker and is handed to another (JOB_EXPIRE_SECONDS). */
  expireSeconds: number;
  /** How often an idle worker asks for work (JOB_POLL_SECONDS; pg-boss's floor is 0.5 s). */
  pollSeconds: number;
  /** Finished jobs and their results are erased after this many hours (JOB_KEEP_HOURS). */
  keepHours: number;
}

export const jobDefaults: JobOptions = { retries: 3, expireSeconds: 120, pollSeconds: 1, keepHours: 72 };

/** A queue message: one part of a job (a recheck is one message, `part` null: its parts are written as it goes). */
export interface PartMessage {
  job: string;
  part: number | null;
  requestId: string | null;
}

export interface JobStatus {
  id: string;
  kind: JobKind;
  state: JobState;
  progress: { done: number; total: number };
  organisationId: string | null;
  requestId: string | null;
  spec: string;
  summary: string | null;
  error: string | null;
}

export interface NewJob {
  kind: JobKind;
  total: number;
  requestId?: string | null;
  organisationId?: string | null;
  spec: string;
  /** The parts' inputs (a plan's rows, cut in parts); none for a recheck. */
  parts: Array<{ rows: number; input: string }>;
}

/** What a worker does with a message; a throw hands the part back to the queue (retried, then the job fails). */
export type PartHandler = (message: PartMessage, attempt: { retry: number; of: number }) => Promise<void>;

const QUEUE = { plan: "fne-plan-part", recheck: "fne-recheck" } as const;
/** Where pg-boss puts a message whose retries are spent (an error each time, or a worker that died each time). */
const DEAD = "fne-job-failed";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** pg-boss's SQL inside a Kysely transaction: the job's rows and its messages are committed together. */
function inTransaction(trx: Transaction<Tables>): SqlClient {
  return { executeSql: async (text, values) => ({ rows: (await trx.executeQuery(CompiledQuery.raw(text, values ?? []))).rows as Record<string, unknown>[] }) };
}

export class Jobs {
  readonly boss: PgBoss;
  private readonly db: Kysely<Tables>;
  private sweeper: NodeJS.Timeout | undefined;
  private workers: string[] = [];

  /**
   * `onError`: what pg-boss met in the background (a maintenance query that failed, a fetch while the database was
   * away); it keeps going and tries again at its next interval.
   */
  constructor(
    database: Database,
    readonly options: JobOptions = jobDefaults,
    onError: (e: unknown) => void = (e) => console.error("job queue:", e),
  ) {
    this.db = database.db;
    const expire = Math.max(1, Math.round(options.expireSeconds));
    this.boss = new PgBoss({
      db: database.sql as PgBoss.Db,
      // Expired parts are handed back by this check (advisory-locked: one process does it per interval).
      maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.ceil(expire / 2))),
      schedule: false,
    });
    // Without a listener an 'error' event would end the process.
    this.boss.on("error", onError);
  }

  /** Creates pg-boss's schema when missing (advisory-locked) and the queues (kept if they exist). */
  async start(): Promise<void> {
    await this.boss.start();
    await this.boss.createQueue(DEAD);
    const queue = { retryLimit: this.options.retries, retryDelay: 1, expireInSeconds: Math.max(1, Math.round(this.options.expireSeconds)), deadLetter: DEAD };
    for (const name of Object.values(QUEUE)) await this.boss.createQueue(name, { name, ...queue });
  }

  async stop(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    // Parts in hand get a moment to finish; a part cut short is handed to another worker once it expires.
    await this.boss.stop({ graceful: true, timeout: 5000, close: false, wait: true });
  }

  /** A job, its parts and their messages, in one transaction: all of it is queued, or nothing. */
  async create(job: NewJob): Promise<string> {
    const id = randomUUID(); // 122 random bits: the id is the only key to a public plan's result
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("jobs")
        .values({ id, kind: job.kind, state: "queued", total: job.total, request_id: job.requestId ?? null, organisation_id: job.organisationId ?? null, spec: job.spec, summary: null, error: null, started_at: null, finished_at: null })
        .execute();
      // In slices: one INSERT has at most 65,535 bound values.
      for (let from = 0; from < job.parts.length; from += 1000) {
        const slice = job.parts.slice(from, from + 1000).map((p, k) => ({ job_id: id, idx: from + k, rows: p.rows, input: p.input, output: null, tallies: null, done_at: null }));
        await trx.insertInto("job_parts").values(slice).execute();
      }
      const messages: PartMessage[] = job.parts.length ? job.parts.map((_p, idx) => ({ job: id, part: idx, requestId: job.requestId ?? null })) : [{ job: id, part: null, requestId: job.requestId ?? null }];
      await this.boss.insert(
        messages.map((data) => ({ name: QUEUE[job.kind], data })),
        { db: inTransaction(trx) as PgBoss.Db },
      );
    });
    this.wake();
    return id;
  }

  /** The job's state and progress; undefined for an id that names no job (or is no id at all). */
  async status(id: string): Promise<JobStatus | undefined> {
    if (!UUID.test(id)) return undefined;
    const row = await this.db
      .selectFrom("jobs as j")
      .select(["j.id", "j.kind", "j.state", "j.total", "j.organisation_id", "j.request_id", "j.spec", "j.summary", "j.error"])
      .select((eb) => eb.selectFrom("job_parts as p").select(sql<string>`coalesce(sum(p.rows), 0)`.as("n")).whereRef("p.job_id", "=", "j.id").where("p.done_at", "is not", null).as("done"))
      .where("j.id", "=", id)
      .executeTakeFirst();
    if (!row) return undefined;
    // A recheck's rows are known as it goes: its total is what it has done until it ends.
    const done = Number(row.done ?? 0);
    return {
      id: row.id,
      kind: row.kind,
      state: row.state,
      progress: { done, total: row.kind === "recheck" && row.state !== "completed" ? done : row.total },
      organisationId: row.organisation_id,
      requestId: row.request_id,
      spec: row.spec,
      summary: row.summary,
      error: row.error,
    };
  }

  /** A part about to be worked, with its job's spec: the job becomes active; undefined when the part is done already (a repeated message). */
  async claim(job: string, part: number): Promise<{ input: string; spec: string } | undefined> {
    await this.markActive(job);
    const row = await this.db
      .selectFrom("job_parts as p")
      .innerJoin("jobs as j", "j.id", "p.job_id")
      .select(["p.input", "p.done_at", "j.spec"])
      .where("p.job_id", "=", job)
      .where("p.idx", "=", part)
      .executeTakeFirst();
    if (!row || row.done_at !== null) return undefined;
    return { input: row.input ?? "", spec: row.spec };
  }

  /** Parts of the job not done yet. */
  async remaining(job: string): Promise<number> {
    const left = await this.db.selectFrom("job_parts").select((eb) => eb.fn.countAll<string>().as("n")).where("job_id", "=", job).where("done_at", "is", null).executeTakeFirstOrThrow();
    return Number(left.n);
  }

  /** The job has begun (queued → active; nothing else changes). */
  async markActive(job: string): Promise<void> {
    await this.db.updateTable("jobs").set({ state: "active", started_at: sql`now()` }).where("id", "=", job).where("state", "=", "queued").execute();
  }

  /**
   * A part's output, written once (a second writer of the same part changes nothing: both computed the same).
   * Resolves to whether every part of the job is now done: then the caller finishes the job.
   */
  async complete(job: string, part: number, output: string, tallies: string): Promise<boolean> {
    await this.db
      .updateTable("job_parts")
      .set({ output, tallies, input: null, done_at: sql`now()` })
      .where("job_id", "=", job)
      .where("idx", "=", part)
      .where("done_at", "is", null)
      .execute();
    // Read after the write committed: of two last parts written at once, at least the later sees both done.
    return (await this.remaining(job)) === 0;
  }

  /** A recheck's part, written in the transaction that made its evaluations (so both are there, or neither). */
  async appendPart(trx: Transaction<Tables>, job: string, rows: number, output: string): Promise<void> {
    await trx
      .insertInto("job_parts")
      .values((eb) => ({
        job_id: job,
        idx: eb.selectFrom("job_parts").select(sql<number>`coalesce(max(idx) + 1, 0)`.as("next")).where("job_id", "=", job),
        rows,
        input: null,
        output,
        tallies: null,
        done_at: sql<Date>`now()`,
      }))
      .execute();
  }

  /** The parts' tallies, in order (the job's totals are their sum). */
  async tallies(job: string): Promise<string[]> {
    const rows = await this.db.selectFrom("job_parts").select("tallies").where("job_id", "=", job).orderBy("idx").execute();
    return rows.map((r) => r.tallies ?? "");
  }

  /** The parts' outputs in order, `page` at a time (a large result is never held whole). */
  async *outputs(job: string, page = 8): AsyncGenerator<string> {
    for (let from = 0; ; from += page) {
      const rows = await this.db.selectFrom("job_parts").select("output").where("job_id", "=", job).where("idx", ">=", from).where("idx", "<", from + page).orderBy("idx").execute();
      if (!rows.length) return;
      for (const r of rows) yield r.output ?? "";
    }
  }

  /** The job is done: its summary, written once. */
  async finish(job: string, summary: string, total?: number): Promise<void> {
    await this.db
      .updateTable("jobs")
      .set({ state: "completed", summary, finished_at: sql`now()`, ...(total !== undefined ? { total } : {}) })
      .where("id", "=", job)
      .where("state", "in", ["queued", "active"])
      .execute();
  }

  /** The last error met by a part (kept for the job's failure, should its retries run out). */
  async noteError(job: string, error: string): Promise<void> {
    await this.db.updateTable("jobs").set({ error }).where("id", "=", job).where("state", "in", ["queued", "active"]).execute();
  }

  async fail(job: string, error: string): Promise<void> {
    await this.db
      .updateTable("jobs")
      .set({ state: "failed", finished_at: sql`now()`, error: sql`coalesce(error, ${error})` })
      .where("id", "=", job)
      .where("state", "in", ["queued", "active"])
      .execute();
  }

  /** Jobs by state, over the whole database (GET /metrics). */
  async countByState(): Promise<Record<JobState, number>> {
    const rows = await this.db.selectFrom("jobs").select(["state", (eb) => eb.fn.countAll<string>().as("n")]).groupBy("state").execute();
    const out: Record<JobState, number> = { queued: 0, active: 0, completed: 0, failed: 0 };
    for (const r of rows) out[r.state] = Number(r.n);
    return out;
  }

  /** Rows done by every worker over the last `seconds` (GET /metrics: rows per second). */
  async rowsDoneSince(seconds: number): Promise<number> {
    const r = await this.db
      .selectFrom("job_parts")
      .select(sql<string>`coalesce(sum(rows), 0)`.as("n"))
      .where("done_at", ">", sql<Date>`now() - make_interval(secs => ${seconds})`)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Erases the jobs finished more than `keepHours` ago, with their parts. */
  async sweep(): Promise<number> {
    const r = await this.db
      .deleteFrom("jobs")
      .where("state", "in", ["completed", "failed"])
      .where("finished_at", "<", sql<Date>`now() - make_interval(hours => ${this.options.keepHours})`)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /**
   * Works the queues in this process: `concurrency` messages at once (each worked by `handle`), the failures whose
   * retries are spent (the job fails), and the hourly sweep of old jobs.
   */
  async work(handle: PartHandler, { concurrency }: { concurrency: number }): Promise<void> {
    const options = { pollingIntervalSeconds: Math.max(0.5, this.options.pollSeconds), batchSize: 1, includeMetadata: true as const };
    for (const name of Object.values(QUEUE)) {
      for (let i = 0; i < concurrency; i++) {
        let id = "";
        id = await this.boss.work<PartMessage>(name, options, async ([m]) => {
          if (!m) return;
          await handle(m.data, { retry: m.retryCount, of: m.retryLimit });
          // pg-boss waits out the poll interval after each fetch, even one that found work: ask again at once
          // (measured: parts of ~150 ms, one a second per loop otherwise). Only an empty queue is polled.
          this.boss.notifyWorker(id);
        });
        this.workers.push(id);
      }
    }
    await this.boss.work<PartMessage>(DEAD, options, async ([m]) => {
      if (m) await this.fail(m.data.job, `a part failed ${this.options.retries + 1} times (or its worker stopped answering each time)`);
    });
    this.sweeper = setInterval(() => void this.sweep().catch(() => undefined), 3_600_000);
    this.sweeper.unref();
  }

  /** Wakes this process's idle workers now (a job just queued here need not wait for the next poll). */
  wake(): void {
    for (const id of this.workers) this.boss.notifyWorker(id);
  }
}
