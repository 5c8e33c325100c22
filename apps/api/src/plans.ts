/**
 * POST /v1/plans: a JSON Plan, or a CSV of employees (text/csv; the employer's facts in the query).
 * The answer is evaluatePlan's PlanResult, streamed row by row with the engine's PlanRun (as `pnpm calc` does):
 * a 50 MiB plan answers some hundreds of MB, more than one string can hold. The envelope is checked first, so
 * a bad plan is a 400 before anything is sent; a bad row is its own `error` inside the answer (CONTRACT.md);
 * the event loop is given back every ROWS_PER_CHUNK rows so that other requests are served meanwhile.
 */
import { Readable } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
import { CsvError, parse } from "csv-parse";
import { errorCodes, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { employeeFromCsvRow, getRuntime, InputError, parsePlanEnvelope, PlanRun, type PlanContext } from "@fne/engine";
import { CsvPlanQuery, PlanQuery } from "@fne/schema";
import type { z } from "zod";
import { badRequest } from "./errors.ts";

const ROWS_PER_CHUNK = 250;

/** A CSV body as read: the header row (fact names plus `id` and `aid`) and the records. */
class CsvBody {
  constructor(
    readonly header: string[],
    readonly records: string[][],
  ) {}
}

/** As `pnpm calc --csv`: a BOM, "," or ";" between cells, short rows, blank lines are accepted. */
const csvOptions = { skip_empty_lines: true, bom: true, delimiter: [",", ";"], relax_column_count: true };

function query<S extends z.ZodType>(shape: S, req: FastifyRequest): z.infer<S> {
  const q = shape.safeParse(req.query);
  if (!q.success) throw badRequest(q.error, "query", "invalid_plan");
  return q.data;
}

/**
 * Streams the body through csv-parse, counting its bytes (a custom parser gets the raw stream: Fastify's limit
 * does not apply). Past the limit it stops listening without destroying the request, as Fastify's own parsers
 * do, so that the client still reads the 413. The query is checked first, so a bad one costs no reading.
 */
function readCsv(req: FastifyRequest, payload: NodeJS.ReadableStream): Promise<CsvBody> {
  query(CsvPlanQuery, req);
  const limit = req.routeOptions.bodyLimit!;
  if (Number(req.headers["content-length"]) > limit) return Promise.reject(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
  return new Promise((resolve, reject) => {
    const parser = parse(csvOptions);
    let header: string[] | undefined;
    const records: string[][] = [];
    let bytes = 0;
    const stop = (e: Error) => {
      payload.removeListener("data", onData);
      payload.removeListener("end", onEnd);
      payload.removeListener("error", onError);
      reject(e);
    };
    function onData(chunk: Buffer) {
      bytes += chunk.length;
      if (bytes > limit) stop(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
      else parser.write(chunk);
    }
    const onEnd = () => parser.end();
    // A body cut short by the client is its fault, as Fastify's own parsers say (400).
    const onError = (e: Error & { statusCode?: number }) => stop(Object.assign(e, { statusCode: e.statusCode ?? 400 }));
    parser.on("readable", () => {
      for (let r: string[] | null; (r = parser.read() as string[] | null) !== null; ) {
        if (header) records.push(r);
        else header = r.map((h) => h.trim());
      }
    });
    parser.on("error", (e) => stop(e instanceof CsvError ? new InputError("invalid_plan", `CSV: ${e.message}`, [{ path: "(body)", message: e.message }]) : e));
    parser.on("end", () => resolve(new CsvBody(header ?? [], records)));
    payload.on("data", onData);
    payload.on("end", onEnd);
    payload.on("error", onError);
  });
}

function* csvEmployees({ header, records }: CsvBody) {
  const rt = getRuntime();
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const row: Record<string, string> = {};
    for (let j = 0; j < header.length; j++) row[header[j]!] = record[j] ?? "";
    yield employeeFromCsvRow(rt, row, i);
  }
}

/** The PlanResult as JSON text, in chunks: the same document as JSON.stringify(evaluatePlan(plan)). */
async function* planResult(ctx: PlanContext, employees: Iterable<unknown>) {
  const run = new PlanRun(getRuntime(), ctx);
  const { date, currency } = run.summary();
  let chunk = `{"date":${JSON.stringify(date)},"currency":${JSON.stringify(currency)},"employees":[`;
  for (const raw of employees) {
    const comma = run.done ? "," : "";
    chunk += comma + JSON.stringify(run.add(raw));
    if (run.done % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = "";
      await nextTurn();
    }
  }
  const { date: _d, currency: _c, ...summary } = run.summary();
  yield `${chunk}],${JSON.stringify(summary).slice(1)}`;
}

function evaluatePlanRoute(req: FastifyRequest, reply: FastifyReply) {
  const rt = getRuntime();
  let ctx: PlanContext;
  let employees: Iterable<unknown>;
  if (req.body instanceof CsvBody) {
    const q = query(CsvPlanQuery, req);
    const employer = { headcount: q.headcount, ...(q.proposesCRP !== undefined ? { proposesCRP: q.proposesCRP } : {}) };
    ctx = parsePlanEnvelope(rt, { date: q.date, employer, employees: [] }, { detail: q.detail ?? "brief" }).ctx;
    employees = csvEmployees(req.body);
  } else {
    const q = query(PlanQuery, req);
    ({ ctx, employees } = parsePlanEnvelope(rt, req.body, { detail: q.detail ?? "brief" }));
  }
  return reply.type("application/json; charset=utf-8").send(Readable.from(planResult(ctx, employees)));
}

/** The plans route, with its CSV parser (scoped to this plugin: other routes still refuse text/csv). */
export async function plansRoutes(api: FastifyInstance, { bodyLimit }: { bodyLimit: number }) {
  api.addContentTypeParser("text/csv", (req: FastifyRequest, payload: NodeJS.ReadableStream) => readCsv(req, payload));
  api.post(
    "/v1/plans",
    { bodyLimit, config: { invalid: "invalid_plan", accepts: ["application/json", "text/csv"] } },
    evaluatePlanRoute,
  );
}
