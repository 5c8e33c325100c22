/**
 * POST /v1/plans: a JSON Plan, or a plan file (text/csv in any dialect, or an xlsx workbook) with the employer's
 * settings in the query; the answer in the format the Accept header asks (JSON PlanResult, JSON Lines, CSV, xlsx).
 *
 * The body is read here as bytes; everything else (parsing, checking, evaluating, writing) runs in a worker thread
 * (plan-worker.ts), which sends the answer back in pieces as the client reads it. A bad plan is a 400 before
 * anything is sent; a bad row is its own `error` inside the answer. What one request may ask is capped
 * (plan-limits.ts), and the caps are said in the errors.
 */
import { Readable } from "node:stream";
import { Worker } from "node:worker_threads";
import { errorCodes, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { InputError, zodIssues } from "@fne/engine";
import { formatOfAccept, MEDIA_TYPES } from "@fne/planfile";
import { CsvPlanQuery, PlanQuery } from "@fne/schema";
import { z } from "zod";
import { errorBody } from "./errors.ts";
import { planLimits, type PlanLimits } from "./plan-limits.ts";
import type { BodyKind, FromPlanWorker, PlanJob, ToPlanWorker } from "./plan-worker.ts";

const XLSX = MEDIA_TYPES.xlsx;
const ACCEPTS = ["application/json", "text/csv", XLSX];

/** Query parameters that do not apply are refused, not ignored (a misspelt `headcont` must not pass). */
const JsonQuery = z.strictObject(PlanQuery.shape);
const FileQuery = z.strictObject({ ...CsvPlanQuery.shape, lang: z.enum(["fr", "en"]).optional() });

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

/** Worker threads for plans, started with the server; a job goes to the least busy one. */
class PlanPool {
  private readonly workers: Array<{ w: Worker; jobs: Set<number> }> = [];
  private readonly handlers = new Map<number, (m: FromPlanWorker | { type: "crash"; error: Error }) => void>();
  private nextId = 1;
  constructor(private readonly size: number) {
    for (let i = 0; i < size; i++) this.workers.push(this.spawn());
  }
  private spawn() {
    const src = import.meta.url.endsWith(".ts");
    const w = src
      ? new Worker(new URL("./ts-worker.mjs", import.meta.url), { workerData: { entry: new URL("./plan-worker.ts", import.meta.url).href } })
      : new Worker(new URL("./plan-worker.mjs", import.meta.url));
    const slot = { w, jobs: new Set<number>() };
    w.on("message", (m: FromPlanWorker) => {
      if (m.type === "end" || m.type === "error") slot.jobs.delete(m.id);
      this.handlers.get(m.id)?.(m);
    });
    // A bug in a worker fails its jobs (500) and the worker is replaced.
    w.on("error", (error) => {
      for (const id of slot.jobs) this.handlers.get(id)?.({ type: "crash", error });
      const i = this.workers.indexOf(slot);
      if (i >= 0) this.workers[i] = this.spawn();
    });
    w.unref();
    return slot;
  }
  run(job: Omit<PlanJob, "type" | "id">, onMessage: (m: FromPlanWorker | { type: "crash"; error: Error }) => void) {
    const id = this.nextId++;
    const slot = this.workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    slot.jobs.add(id);
    this.handlers.set(id, (m) => {
      if (m.type === "end" || m.type === "error" || m.type === "crash") this.handlers.delete(id);
      onMessage(m);
    });
    slot.w.postMessage({ type: "job", id, ...job } satisfies PlanJob, [job.body.buffer as ArrayBuffer]);
    return (type: "more" | "cancel") => slot.w.postMessage({ type, id } satisfies ToPlanWorker);
  }
  close() {
    return Promise.all(this.workers.map((s) => s.w.terminate()));
  }
}

/** The query checked, each parameter that does not apply named (query.headcont). */
function query<S extends z.ZodType>(shape: S, req: FastifyRequest): z.infer<S> {
  const q = shape.safeParse(req.query);
  if (q.success) return q.data;
  const issues = zodIssues(q.error, ["query"]).map((i) => (i.message.startsWith("unknown field") ? { ...i, message: `${i.message.replace("field", "query parameter")}: it does not apply to this plan` } : i));
  throw new InputError("invalid_plan", `invalid query: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues);
}

function evaluatePlanRoute(pool: PlanPool, limits: PlanLimits) {
  return (req: FastifyRequest, reply: FastifyReply) => {
    const body = req.body as PlanBody;
    const format = formatOfAccept(req.headers.accept);
    if (!format) {
      const message = `cannot answer ${JSON.stringify(req.headers.accept)}: accept ${Object.values(MEDIA_TYPES).map((t) => t.split(";")[0]).join(", ")}`;
      return reply.code(406).send(errorBody("invalid_request", message, [{ path: "(accept)", message }]));
    }
    const file = body.kind === "json" ? undefined : query(FileQuery, req);
    const detail = (file ?? query(JsonQuery, req)).detail ?? "brief";
    // Resolved with the reply once an answer has begun: Fastify then leaves the answer to it.
    return new Promise<FastifyReply>((resolve) => {
      let stream: Readable | undefined;
      let waiting = 0;
      const send = pool.run(
        {
          kind: body.kind,
          body: body.bytes,
          detail,
          format,
          caps: limits,
          ...(file ? { file: { date: file.date, headcount: file.headcount, ...(file.proposesCRP !== undefined ? { proposesCRP: file.proposesCRP } : {}), ...(file.lang ? { lang: file.lang } : {}) } } : {}),
        },
        (m) => {
          if (m.type === "error") {
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
export async function plansRoutes(api: FastifyInstance, { bodyLimit, limits = planLimits }: { bodyLimit: number; limits?: PlanLimits }) {
  const pool = new PlanPool(limits.workers);
  api.addHook("onClose", () => pool.close().then(() => undefined));
  api.removeContentTypeParser("application/json");
  const read = { bodyLimit, drainBytes: limits.drainBytes };
  api.addContentTypeParser("application/json", readBody("json", read));
  api.addContentTypeParser("text/csv", readBody("csv", read));
  api.addContentTypeParser(XLSX, readBody("xlsx", read));
  api.post("/v1/plans", { bodyLimit, config: { invalid: "invalid_plan", accepts: ACCEPTS } }, evaluatePlanRoute(pool, limits));
}
