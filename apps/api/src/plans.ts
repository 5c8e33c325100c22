/**
 * POST /v1/plans: a JSON Plan, or a plan file (text/csv in any dialect, or an xlsx workbook) with the employer's
 * settings in the query; the answer in the format the Accept header asks (JSON PlanResult, JSON Lines, CSV, xlsx).
 *
 * The body is read here as bytes; everything else (parsing, checking, evaluating, writing) runs in a worker thread
 * (plan-worker.ts), which sends the answer back in pieces as the client reads it. A bad plan is a 400 before
 * anything is sent; a bad row is its own `error` inside the answer. What one request may ask is capped
 * (plan-limits.ts), and the caps are said in the errors.
 *
 * With a store, a plan above the row threshold (PLAN_ASYNC_ROWS), or any plan with `?async=true`, is checked the
 * same way and then queued as a job (jobs.ts): 202 with the job's id, its result fetched later in any format.
 */
import { Readable } from "node:stream";
import { errorCodes, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { InputError, zodIssues } from "@fne/engine";
import { formatOfAccept, MEDIA_TYPES } from "@fne/planfile";
import { CsvPlanQuery, PlanQuery } from "@fne/schema";
import type { Jobs } from "@fne/store";
import { z } from "zod";
import { errorBody } from "./errors.ts";
import { jobAccepted, type JobSettings } from "./jobs.ts";
import { planLimits, type PlanLimits } from "./plan-limits.ts";
import { PlanPool } from "./plan-pool.ts";
import type { BodyKind } from "./plan-worker.ts";

const XLSX = MEDIA_TYPES.xlsx;
const ACCEPTS = ["application/json", "text/csv", XLSX];

/** `?async=true`: run the plan as a job whatever its size (with a store only: jobs live in the database). */
const AsyncQuery = { async: z.enum(["true", "false"]).transform((x) => x === "true").optional() };
/** Query parameters that do not apply are refused, not ignored (a misspelt `headcont` must not pass). */
const queries = (jobs: boolean) => ({
  json: z.strictObject({ ...PlanQuery.shape, ...(jobs ? AsyncQuery : {}) }),
  file: z.strictObject({ ...CsvPlanQuery.shape, lang: z.enum(["fr", "en"]).optional(), ...(jobs ? AsyncQuery : {}) }),
});

/** The body as read: its kind and bytes. */
class PlanBody {
  constructor(
    readonly kind: BodyKind,
    readonly bytes: Uint8Array,
  ) {}
}

/**
 * Reads the body as bytes, counting them (a custom parser gets the raw stream: Fastify's limit does not apply).
 * Past the limit the rest is read and dropped, up to `drainBytes`, before the 413: a client that is still
 * uploading then reads the answer (Node's fetch sees EPIPE when the server stops reading first).
 */
function readBody(kind: BodyKind, limits: { bodyLimit: number; drainBytes: number }) {
  return (req: FastifyRequest, payload: NodeJS.ReadableStream): Promise<PlanBody> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      let over = Number(req.headers["content-length"]) > limits.bodyLimit;
      const done = (e?: Error) => {
        payload.removeListener("data", onData);
        payload.removeListener("end", onEnd);
        payload.removeListener("error", onError);
        if (e) reject(e);
      };
      const tooLarge = () => done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
      function onData(chunk: Buffer) {
        bytes += chunk.length;
        if (bytes > limits.bodyLimit) over = true;
        if (!over) chunks.push(chunk);
        else if (bytes > limits.bodyLimit + limits.drainBytes) {
          tooLarge();
          (payload as Readable).destroy?.();
        }
      }
      const onEnd = () => {
        if (over) return tooLarge();
        done();
        const body = new Uint8Array(bytes);
        let at = 0;
        for (const c of chunks) {
          body.set(c, at);
          at += c.length;
        }
        resolve(new PlanBody(kind, body));
      };
      // A body cut short by the client is its fault, as Fastify's own parsers say (400).
      const onError = (e: Error & { statusCode?: number }) => done(Object.assign(e, { statusCode: e.statusCode ?? 400 }));
      payload.on("data", onData);
      payload.on("end", onEnd);
      payload.on("error", onError);
    });
}

/** The query checked, each parameter that does not apply named (query.headcont). */
function query<S extends z.ZodType>(shape: S, req: FastifyRequest): z.infer<S> {
  const q = shape.safeParse(req.query);
  if (q.success) return q.data;
  const issues = zodIssues(q.error, ["query"]).map((i) => (i.message.startsWith("unknown field") ? { ...i, message: `${i.message.replace("field", "query parameter")}: it does not apply to this plan` } : i));
  throw new InputError("invalid_plan", `invalid query: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues);
}

function evaluatePlanRoute(pool: PlanPool, limits: PlanLimits, jobs: { queue: Jobs; settings: JobSettings } | undefined) {
  const shapes = queries(jobs !== undefined);
  return (req: FastifyRequest, reply: FastifyReply) => {
    const body = req.body as PlanBody;
    const format = formatOfAccept(req.headers.accept);
    if (!format) {
      const message = `cannot answer ${JSON.stringify(req.headers.accept)}: accept ${Object.values(MEDIA_TYPES).map((t) => t.split(";")[0]).join(", ")}`;
      return reply.code(406).send(errorBody("invalid_request", message, [{ path: "(accept)", message }]));
    }
    const file = body.kind === "json" ? undefined : query(shapes.file, req);
    const q = file ?? query(shapes.json, req);
    const detail = q.detail ?? "brief";
    // A job when asked, or above the threshold (PLAN_ASYNC_ROWS=0: only when asked); `async=false` does not lift it.
    const threshold = jobs && jobs.settings.asyncRows > 0 ? jobs.settings.asyncRows : Infinity;
    const asJob = jobs && (q.async === true || threshold < Infinity) ? { always: q.async === true, rows: threshold, partRows: jobs.settings.partRows } : undefined;
    // Resolved with the reply once an answer has begun: Fastify then leaves the answer to it.
    return new Promise<FastifyReply>((resolve, reject) => {
      let stream: Readable | undefined;
      let waiting = 0;
      const send = pool.run(
        {
          type: "job",
          kind: body.kind,
          body: body.bytes,
          detail,
          format,
          caps: limits,
          ...(asJob ? { job: asJob } : {}),
          ...(file ? { file: { date: file.date, headcount: file.headcount, ...(file.proposesCRP !== undefined ? { proposesCRP: file.proposesCRP } : {}), ...(file.lang ? { lang: file.lang } : {}) } } : {}),
        },
        (m) => {
          if (m.type === "prepared") {
            // Checked and cut in parts: queued, answered 202 with the job's id (the answer's format is chosen when fetched).
            jobs!.queue.create({ kind: "plan", total: m.total, requestId: req.id, spec: m.spec, parts: m.parts }).then((id) => {
              req.log.info({ job: id, rows: m.total, parts: m.parts.length }, "plan queued as a job");
              resolve(jobAccepted(reply, id));
            }, reject);
          } else if (m.type === "part-done") {
            reject(new Error("a plan request got a job part's answer"));
          } else if (m.type === "error") {
            reply.code(m.status).send(m.body);
            resolve(reply);
          } else if (m.type === "crash") {
            req.log.error({ err: m.error }, "plan worker failed");
            if (stream) stream.destroy(m.error);
            else reply.code(500).send(errorBody("internal_error", "internal error; the request was logged"));
            resolve(reply);
          } else if (m.type === "start") {
            // Each piece is acknowledged when the client has taken it (the worker stops a few pieces ahead).
            stream = new Readable({
              read() {
                for (; waiting > 0; waiting--) send("more");
              },
              destroy(e, cb) {
                send("cancel");
                cb(e);
              },
            });
            reply.code(200).type(m.contentType).send(stream);
            resolve(reply);
          } else if (m.type === "piece") {
            if (stream!.push(typeof m.data === "string" ? m.data : Buffer.from(m.data))) send("more");
            else waiting++;
          } else stream!.push(null);
        },
      );
    });
  };
}

/** The plans route, with its body readers (scoped to this plugin: other routes still refuse text/csv). */
export async function plansRoutes(
  api: FastifyInstance,
  { bodyLimit, limits = planLimits, jobs }: { bodyLimit: number; limits?: PlanLimits; jobs?: { queue: Jobs; settings: JobSettings } | undefined },
) {
  const pool = new PlanPool(limits.workers);
  api.addHook("onClose", () => pool.close().then(() => undefined));
  api.removeContentTypeParser("application/json");
  const read = { bodyLimit, drainBytes: limits.drainBytes };
  api.addContentTypeParser("application/json", readBody("json", read));
  api.addContentTypeParser("text/csv", readBody("csv", read));
  api.addContentTypeParser(XLSX, readBody("xlsx", read));
  api.post("/v1/plans", { bodyLimit, config: { invalid: "invalid_plan", accepts: ACCEPTS } }, evaluatePlanRoute(pool, limits, jobs));
}
