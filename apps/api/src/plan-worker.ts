/**
 * A worker thread of the API for POST /v1/plans: parses the body (JSON, CSV or xlsx), checks the plan and the caps,
 * evaluates and writes it in the asked format, and sends the answer back in pieces. The event loop of the server
 * only moves bytes: a heavy plan never delays /health or the other requests.
 *
 * A plan to run as a job (above the row threshold, or asked so) is only prepared here: it goes back cut in parts
 * (`prepared`), which the queue's workers evaluate one at a time, each in a thread like this one (`part`).
 */
import { parentPort } from "node:worker_threads";
import { getRuntime, InputError, type PlanContext } from "@fne/engine";
import {
  checkCaps,
  evaluateBatch,
  fileError,
  MEDIA_TYPES,
  planBatches,
  prepareJson,
  prepareTable,
  readCsv,
  readXlsx,
  writePlan,
  type Columns,
  type Format,
  type PlanBatch,
  type PlanCaps,
  type PreparedPlan,
} from "@fne/planfile";
import type { ErrorBody } from "@fne/schema";

export type BodyKind = "json" | "csv" | "xlsx";

export interface PlanJob {
  type: "job";
  id: number;
  kind: BodyKind;
  body: Uint8Array;
  /** The query, checked by the route: the employer's settings for a file, and the detail. */
  detail: "brief" | "full";
  file?: { date: string; headcount: number; proposesCRP?: boolean; lang?: "fr" | "en" };
  format: Format;
  caps: PlanCaps;
  /** Prepare it as a job's parts instead of answering it: always, or above `rows`; `partRows` a part. */
  job?: { always: boolean; rows: number; partRows: number };
}

/** What a plan job's work needs beyond its parts (stored with the job, as JSON). */
export interface PlanSpec {
  /** The plan without its employees (PreparedPlan.envelope): each part's context is rebuilt from it. */
  envelope: Record<string, unknown>;
  detail: "brief" | "full";
  columns: Columns;
  lang: PlanContext["lang"];
}

/** A part of a plan job evaluated: its rows' outcomes (RowOutcome[]) and its tallies (TallyState[]), as JSON. */
export interface PartTask {
  type: "part";
  id: number;
  spec: string;
  input: string;
}

export type ToPlanWorker = PlanJob | PartTask | { type: "more"; id: number } | { type: "cancel"; id: number };
export type FromPlanWorker =
  | { type: "error"; id: number; status: number; body: ErrorBody }
  | { type: "start"; id: number; contentType: string }
  | { type: "piece"; id: number; data: string | Uint8Array }
  | { type: "end"; id: number }
  | { type: "prepared"; id: number; total: number; spec: string; parts: Array<{ rows: number; input: string }> }
  | { type: "part-done"; id: number; rows: number; output: string; tallies: string };

const rt = getRuntime();
const post = (m: FromPlanWorker) => parentPort!.postMessage(m);
/** Pieces a job may send before the server has passed the earlier ones on (back-pressure from the client). */
const CREDIT = 8;
const jobs = new Map<number, { credit: number; wake?: () => void; cancelled: boolean }>();

async function prepare(job: PlanJob): Promise<PreparedPlan> {
  if (job.kind === "json") {
    let plan: unknown;
    try {
      plan = JSON.parse(new TextDecoder().decode(job.body));
    } catch (e) {
      throw new InputError("invalid_plan", `not valid JSON: ${(e as Error).message}`, [{ path: "(body)", message: "not valid JSON" }]);
    }
    return prepareJson(rt, plan, { detail: job.detail });
  }
  const table = job.kind === "xlsx" ? await readXlsx(job.body) : readCsv(new TextDecoder().decode(job.body));
  return prepareTable(rt, table, { date: job.file!.date, employer: { headcount: job.file!.headcount, ...(job.file!.proposesCRP !== undefined ? { proposesCRP: job.file!.proposesCRP } : {}) }, ...(job.file!.lang ? { lang: job.file!.lang } : {}) }, { detail: job.detail });
}

async function run(job: PlanJob) {
  const state = { credit: CREDIT, cancelled: false } as { credit: number; wake?: () => void; cancelled: boolean };
  jobs.set(job.id, state);
  try {
    let p: PreparedPlan;
    try {
      p = await prepare(job);
    } catch (e) {
      const err = fileError(e);
      if (err instanceof InputError) return post({ type: "error", id: job.id, status: 400, body: err.toJSON() });
      throw err;
    }
    const over = checkCaps(rt, p, job.caps);
    if (over) return post({ type: "error", id: job.id, status: over.status, body: over.error.toJSON() });
    if (job.job && (job.job.always || p.rows.length > job.job.rows)) {
      const spec: PlanSpec = { envelope: p.envelope, detail: job.detail, columns: p.columns, lang: p.ctx.lang };
      const parts = planBatches(p.rows, job.job.partRows).map((b) => ({ rows: b.rows.length, input: JSON.stringify(b) }));
      return post({ type: "prepared", id: job.id, total: p.rows.length, spec: JSON.stringify(spec), parts });
    }
    post({ type: "start", id: job.id, contentType: MEDIA_TYPES[job.format] });
    await writePlan(rt, p, [
      {
        format: job.format,
        emit: async (data) => {
          if (state.cancelled) throw new Cancelled();
          post({ type: "piece", id: job.id, data });
          if (--state.credit <= 0) await new Promise<void>((wake) => (state.wake = wake));
          if (state.cancelled) throw new Cancelled();
        },
      },
    ]);
    post({ type: "end", id: job.id });
  } catch (e) {
    if (!(e instanceof Cancelled)) throw e;
  } finally {
    jobs.delete(job.id);
  }
}

class Cancelled extends Error {}

/** The context of the last spec seen: a thread works the parts of one job after another. */
let context: { spec: string; ctx: PlanContext } | undefined;

function part(task: PartTask) {
  if (context?.spec !== task.spec) {
    const spec = JSON.parse(task.spec) as PlanSpec;
    context = { spec: task.spec, ctx: prepareJson(rt, spec.envelope, { detail: spec.detail }).ctx };
  }
  const batch = JSON.parse(task.input) as PlanBatch;
  const { outcomes, tallies } = evaluateBatch(rt, context.ctx, batch);
  post({ type: "part-done", id: task.id, rows: batch.rows.length, output: JSON.stringify(outcomes), tallies: JSON.stringify(tallies) });
}

parentPort!.on("message", (m: ToPlanWorker) => {
  if (m.type === "job") {
    void run(m);
    return;
  }
  if (m.type === "part") {
    part(m);
    return;
  }
  const s = jobs.get(m.id);
  if (!s) return;
  if (m.type === "cancel") s.cancelled = true;
  else s.credit++;
  const wake = s.wake;
  s.wake = undefined;
  if (wake && (s.cancelled || s.credit > 0)) wake();
  else if (wake) s.wake = wake;
});
