/**
 * Jobs over HTTP (CONTRACT.md): a large plan (above PLAN_ASYNC_ROWS rows, or any plan with `?async=true`) is
 * answered 202 `{ id, state }`; GET /v1/jobs/:id gives its state and progress, GET /v1/jobs/:id/result its result in
 * the format `Accept` asks (the same writer as POST /v1/plans: @fne/planfile), read part by part from the database.
 * A recheck job (POST /v1/recheck?async=true) is its organisation's: another caller gets a 404, as for a dossier.
 *
 * Any replica answers for any job: everything is in the database (packages/store/src/jobs.ts).
 */
import { Readable } from "node:stream";
import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { getRuntime, PlanRun, type RowOutcome, type TallyState } from "@fne/engine";
import { formatOfAccept, formatPiece, headPiece, MEDIA_TYPES, prepareJson, tailPiece, type CompactRow, type Format } from "@fne/planfile";
import type { PlanResult } from "@fne/schema";
import { jobDefaults, type Jobs, type JobStatus, type Store } from "@fne/store";
import { z } from "zod";
import { authenticate } from "./auth.ts";
import { errorBody } from "./errors.ts";
import type { PlanSpec } from "./plan-worker.ts";

/** The job settings of `pnpm api` and `pnpm worker`, from the environment (README "Deploy"). */
export interface JobSettings {
  /** A plan with more rows than this is a job (PLAN_ASYNC_ROWS; 0: only with `?async=true`). */
  asyncRows: number;
  /** Rows a part (JOB_PART_ROWS): the unit a worker evaluates, stores, and redoes after a crash. */
  partRows: number;
  /** Parts one process works at once (JOB_CONCURRENCY): one evaluates while another is read or written. */
  concurrency: number;
  /** Whether `pnpm api` works jobs itself (FNE_WORK_JOBS; by default only with the embedded database). */
  workInApi: boolean;
  queue: typeof jobDefaults;
}

const whole = (name: string, min: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${name} must be at least ${min}`));

export const JobEnv = z.object({
  PLAN_ASYNC_ROWS: whole("PLAN_ASYNC_ROWS", 0).default(25_000),
  JOB_PART_ROWS: whole("JOB_PART_ROWS", 1).default(1000),
  JOB_CONCURRENCY: whole("JOB_CONCURRENCY", 1).default(2),
  JOB_RETRIES: whole("JOB_RETRIES", 0).default(jobDefaults.retries),
  JOB_EXPIRE_SECONDS: whole("JOB_EXPIRE_SECONDS", 1).default(jobDefaults.expireSeconds),
  JOB_POLL_SECONDS: z.string().regex(/^\d+(\.\d+)?$/, "JOB_POLL_SECONDS must be a number of seconds").transform(Number).pipe(z.number().min(0.5, "JOB_POLL_SECONDS must be at least 0.5")).default(jobDefaults.pollSeconds),
  JOB_KEEP_HOURS: whole("JOB_KEEP_HOURS", 1).default(jobDefaults.keepHours),
  FNE_WORK_JOBS: z.enum(["true", "false"], "FNE_WORK_JOBS must be true or false").optional(),
});

/** The settings from the environment; a bad value stops the start with the variable's name. */
export function jobSettingsFromEnv(env: Record<string, string | undefined>): JobSettings {
  const parsed = JobEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([k, v]) => k in JobEnv.shape && v !== "")));
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  const e = parsed.data;
  return {
    asyncRows: e.PLAN_ASYNC_ROWS,
    partRows: e.JOB_PART_ROWS,
    concurrency: e.JOB_CONCURRENCY,
    // PGlite is one process's: with it the API must work its own jobs; with a server, `pnpm worker` processes do.
    workInApi: e.FNE_WORK_JOBS === undefined ? !env.DATABASE_URL : e.FNE_WORK_JOBS === "true",
    queue: { retries: e.JOB_RETRIES, expireSeconds: e.JOB_EXPIRE_SECONDS, pollSeconds: e.JOB_POLL_SECONDS, keepHours: e.JOB_KEEP_HOURS },
  };
}

const JobStateShape = z.enum(["queued", "active", "completed", "failed"]);

/** 202 to POST /v1/plans (and POST /v1/recheck?async=true): the job's id (unguessable: it is the key to the result). */
export const JobAccepted = z.object({ id: z.string(), state: JobStateShape });

/** GET /v1/jobs/:id. */
export const JobAnswer = z.object({
  id: z.string(),
  kind: z.enum(["plan", "recheck"]),
  state: JobStateShape,
  /** Rows done and to do (a recheck's total is known when it ends: until then, what it has done). */
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  /** Where the result is, once completed. */
  result: z.string().optional(),
  /** Why it failed, once failed (its parts' retries spent). */
  error: z.string().optional(),
});

/** 202 `{ id, state }` with where to ask next. */
export function jobAccepted(reply: FastifyReply, id: string) {
  return reply.code(202).header("location", `/v1/jobs/${id}`).send({ id, state: "queued" } satisfies z.infer<typeof JobAccepted>);
}

/** GET /v1/jobs/:id: the contract's fields, and for a finished job where its result is (or why it failed). */
function jobBody(s: JobStatus): z.infer<typeof JobAnswer> {
  return {
    id: s.id,
    kind: s.kind,
    state: s.state,
    progress: s.progress,
    ...(s.state === "completed" ? { result: `/v1/jobs/${s.id}/result` } : {}),
    ...(s.state === "failed" ? { error: s.error ?? "the job failed" } : {}),
  };
}

/** The PlanResult of a finished plan job, in `format`: the stored parts through @fne/planfile's writer, in order. */
async function* planResult(jobs: Jobs, s: JobStatus, format: Format): AsyncGenerator<string | Uint8Array> {
  const rt = getRuntime();
  const spec = JSON.parse(s.spec) as PlanSpec;
  const summary = JSON.parse(s.summary!) as Omit<PlanResult, "employees">;
  const head = headPiece(rt, spec.columns, format, summary.date, summary.currency);
  if (head) yield head;
  const xlsxRows: CompactRow[] = [];
  let first = true;
  for await (const output of jobs.outputs(s.id)) {
    const outcomes = JSON.parse(output) as RowOutcome[];
    if (!outcomes.length) continue;
    const piece = formatPiece(rt, spec.columns, spec.lang, format, outcomes);
    if (Array.isArray(piece)) for (const r of piece) xlsxRows.push(r);
    else if (piece) yield format === "json" ? `${first ? "\n" : ",\n"}${piece}` : piece;
    first = false;
  }
  yield await tailPiece(rt, spec.columns, format, summary, xlsxRows);
}

/** A plan job's totals: its parts' tallies merged in order (the same sums as one run over the whole plan). */
export function planSummary(spec: string, tallies: string[]): Omit<PlanResult, "employees"> {
  const rt = getRuntime();
  const s = JSON.parse(spec) as PlanSpec;
  const run = new PlanRun(rt, prepareJson(rt, s.envelope, { detail: s.detail }).ctx);
  for (const t of tallies) run.mergeStates(JSON.parse(t) as TallyState[]);
  return run.summary();
}

type Params = { Params: { id: string } };

export async function jobRoutes(api: FastifyInstance, { jobs, store }: { jobs: Jobs; store: Store }) {
  await api.register(cookie); // a recheck job's owner may come with the web app's session
  const auth = authenticate(store);
  const notFound = (reply: FastifyReply) => reply.code(404).send(errorBody("not_found", "no job of that id", [{ path: "params.id", message: "unknown job" }]));

  /** The job, when the caller may see it: a plan's to anyone with its id, a recheck's to its organisation only. */
  async function visible(req: FastifyRequest<Params>, reply: FastifyReply): Promise<JobStatus | undefined> {
    const s = await jobs.status(req.params.id);
    if (!s) return void notFound(reply);
    if (s.organisationId === null) return s;
    await auth(req, reply);
    if (reply.sent) return undefined;
    if (req.principal!.organisationId !== s.organisationId) return void notFound(reply);
    return s;
  }

  api.get<Params>("/v1/jobs/:id", { config: { invalid: "invalid_request" } }, async (req, reply) => {
    const s = await visible(req, reply);
    return s ? jobBody(s) : reply;
  });

  api.get<Params>("/v1/jobs/:id/result", { config: { invalid: "invalid_request" } }, async (req, reply) => {
    const s = await visible(req, reply);
    if (!s) return reply;
    if (s.state !== "completed") {
      const message =
        s.state === "failed"
          ? `the job failed (${s.error ?? "no reason kept"}): it has no result; submit the plan again`
          : `the job is ${s.state} (${s.progress.done} of ${s.progress.total} rows done): ask GET /v1/jobs/${s.id} until its state is completed`;
      if (s.state !== "failed") reply.header("retry-after", "2");
      return reply
        .code(409)
        .send(errorBody("invalid_request", message, [{ path: "params.id", message: `job ${s.state}` }]));
    }
    if (s.kind === "recheck") return reply.type("application/json; charset=utf-8").send(s.summary);
    const format = formatOfAccept(req.headers.accept);
    if (!format) {
      const message = `cannot answer ${JSON.stringify(req.headers.accept)}: accept ${Object.values(MEDIA_TYPES).map((t) => t.split(";")[0]).join(", ")}`;
      return reply.code(406).send(errorBody("invalid_request", message, [{ path: "(accept)", message }]));
    }
    return reply.code(200).type(MEDIA_TYPES[format]).send(Readable.from(planResult(jobs, s, format), { objectMode: false }));
  });
}
