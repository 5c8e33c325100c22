/**
 * A worker thread of the API for POST /v1/plans: parses the body (JSON, CSV or xlsx), checks the plan and the caps,
 * evaluates and writes it in the asked format, and sends the answer back in pieces. The event loop of the server
 * only moves bytes: a heavy plan never delays /health or the other requests.
 */
import { parentPort } from "node:worker_threads";
import { getRuntime, InputError } from "@fne/engine";
import { checkCaps, fileError, MEDIA_TYPES, prepareJson, prepareTable, readCsv, readXlsx, writePlan, type Format, type PlanCaps, type PreparedPlan } from "@fne/planfile";
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
}
export type ToPlanWorker = PlanJob | { type: "more"; id: number } | { type: "cancel"; id: number };
export type FromPlanWorker =
  | { type: "error"; id: number; status: number; body: ErrorBody }
  | { type: "start"; id: number; contentType: string }
  | { type: "piece"; id: number; data: string | Uint8Array }
  | { type: "end"; id: number };

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

parentPort!.on("message", (m: ToPlanWorker) => {
  if (m.type === "job") {
    void run(m);
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
