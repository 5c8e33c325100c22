/**
 * GET /openapi.json: OpenAPI 3.1, generated from the zod shapes the server validates and answers with
 * (packages/schema, z.toJSONSchema), so the document cannot drift from them. On top of the contract's generic
 * shapes, each aid is a variant of a union discriminated on `aid`, built from the engine's own fact schema of that
 * aid (getRuntime(): types, units, ranges, labels) and from its amount definitions (listAids()): a Case, a plan
 * employee and a Result each name the facts and amounts of their aid, and a misspelt fact is a type error in a
 * generated client. Every route lists every status it can answer.
 */
import { z } from "zod";
import { getRuntime, listAids } from "@fne/engine";
import {
  AidDescription,
  ArticleAtDate,
  Case,
  CsvPlanQuery,
  DateQuery,
  ErrorBody,
  INPUT_LIMITS,
  IsoDate,
  Money,
  ParameterAtDate,
  Plan,
  PlanEmployee,
  PlanResult,
  Result,
  Screening,
  WorkingStep,
  type AmountDef,
} from "@fne/schema";
import { DOCS_FILES } from "./docs.ts";
import { examples } from "./examples.ts";
import { MONITORING_ROUTES, type Limits } from "./limits.ts";

type Schema = Record<string, unknown>;
type Properties = Record<string, Schema>;

/** Request shapes are rendered as the client writes them (input), responses as the server writes them (output). */
const requests = { Case, Plan, PlanEmployee } as const;
const responses = { Result, Screening, PlanResult, Error: ErrorBody, AidDescription, ArticleAtDate, ParameterAtDate, WorkingStep } as const;

/** Drops the keywords that only make sense in a standalone JSON Schema, and `default` on inputs (a generated client would make such a field required). */
function clean(schema: unknown, io: "input" | "output"): unknown {
  if (Array.isArray(schema)) return schema.map((s) => clean(s, io));
  if (typeof schema !== "object" || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([k]) => k !== "$schema" && k !== "$id" && !(io === "input" && k === "default"))
      .map(([k, v]) => [k, clean(v, io)]),
  );
}

export function components(shapes: Record<string, z.ZodType>, io: "input" | "output"): Record<string, Schema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, shape] of Object.entries(shapes)) registry.add(shape, { id });
  const { schemas } = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" });
  return clean(schemas, io) as Record<string, Schema>;
}
const jsonSchema = (shape: z.ZodType, io: "input" | "output") => clean(z.toJSONSchema(shape, { io, unrepresentable: "any" }), io) as Schema;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const props = (s: Schema) => s.properties as Properties;
/** A copy of an object schema with some properties replaced (undefined: removed) and `required` kept in step. */
function withProperties(base: Schema, replace: Record<string, Schema | undefined>, required: string[] = []): Schema {
  const properties = { ...props(base) };
  for (const [k, v] of Object.entries(replace)) {
    if (v === undefined) delete properties[k];
    else properties[k] = v;
  }
  const req = [...new Set([...((base.required as string[] | undefined) ?? []), ...required])].filter((k) => k in properties);
  return { ...base, properties, required: req };
}

/** An amount of a Result, by its type in the aid's definition. */
function amountSchema(def: AmountDef): Schema {
  const shape = { money: Money, number: z.number(), date: IsoDate, boolean: z.boolean(), string: z.string() }[def.type];
  return { ...jsonSchema(shape, "output"), title: def.label.en, "x-label": def.label };
}
const amountsObject = (defs: Record<string, AmountDef>, what: string): Schema => ({
  type: "object",
  description: what,
  properties: Object.fromEntries(Object.entries(defs).map(([k, d]) => [k, amountSchema(d)])),
  additionalProperties: false,
});

/** The per-aid variants: facts, cases, plan employees, results, and the unions discriminated on `aid`. */
function aidSchemas(generic: Record<string, Schema>) {
  const rt = getRuntime();
  const aids = listAids();
  const out: Record<string, Schema> = {};
  const union = (prefix: string, description: string): Schema => ({
    description,
    oneOf: aids.map((a) => ref(`${prefix}_${a.id}`)),
    discriminator: { propertyName: "aid", mapping: Object.fromEntries(aids.map((a) => [a.id, `#/components/schemas/${prefix}_${a.id}`])) },
  });
  for (const a of aids) {
    const { schema, def } = rt.aids.get(a.id)!;
    const facts = jsonSchema(schema, "input");
    out[`Facts_${a.id}`] = { ...facts, title: `Facts of ${a.id}`, description: `${a.title.en}: the facts this aid reads, each optional (an absent fact is listed in the Result's \`missing\`).` };
    const aid = { type: "string", const: a.id, description: a.title.en };
    out[`Case_${a.id}`] = { ...withProperties(generic.Case!, { aid, facts: ref(`Facts_${a.id}`) }, ["aid"]), title: `Case of ${a.id}`, description: a.description.en };
    out[`Employee_${a.id}`] = withProperties(generic.PlanEmployee!, { aid, facts: ref(`Facts_${a.id}`) }, ["aid"]);
    const result = withProperties(generic.Result!, {
      aid: { type: "string", const: a.id },
      amounts: amountsObject(a.amounts, "Every amount appears when `status` is eligible; none otherwise."),
      ...(def.details ? { details: amountsObject(def.details, "Figures beyond the contract's amounts.") } : {}),
    });
    out[`Result_${a.id}`] = { ...result, title: `Result of ${a.id}` };
  }
  out.Facts_screening = { ...jsonSchema(rt.allFactsSchema, "input"), title: "Facts of a screening", description: "Any fact of any aid." };
  out.Case_screening = {
    ...withProperties(generic.Case!, { aid: undefined, facts: ref("Facts_screening") }),
    title: "Screening case",
    description: "Without `aid`: every aid is evaluated (the answer is a Screening).",
  };
  out.Employee_screening = withProperties(generic.PlanEmployee!, { aid: undefined, facts: ref("Facts_screening") });
  out.AidCase = union("Case", "A case for one aid: its facts by name, type, unit and range.");
  out.Case = { description: "A case for one aid, or a screening of every aid (no `aid`).", oneOf: [ref("AidCase"), ref("Case_screening")] };
  out.AidEmployee = union("Employee", "An employee of a plan evaluated for one aid.");
  out.PlanEmployee = {
    description: "One employee of a plan. The employer's headcount and proposesCRP fill companyHeadcount and proposed when the row does not state them. A row that is not valid gets its own error in the PlanResult; the others are still evaluated.",
    oneOf: [ref("AidEmployee"), ref("Employee_screening")],
  };
  out.Plan = withProperties(generic.Plan!, { employees: { type: "array", items: ref("PlanEmployee") } });
  out.Result = union("Result", "The Result of one aid: its amounts by name and type.");
  return out;
}

// ---- parameters, bodies, answers ------------------------------------------------------------------------------

/** Query parameters from a zod object; `required` as the shape says unless `optional` overrides it. */
function queryParams(shape: z.ZodObject, descriptions: Record<string, string>, exampleValues: Record<string, string> = {}, optional = false) {
  const { properties = {}, required = [] } = jsonSchema(shape, "input") as { properties?: Properties; required?: string[] };
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: "query",
    required: !optional && required.includes(name),
    description: descriptions[name],
    schema,
    ...(exampleValues[name] ? { example: exampleValues[name] } : {}),
  }));
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const json = (schema: object) => ({ content: { "application/json": { schema } } });
const errorContent = json(ref("Error"));
const answer = (id: string) => ({ $ref: `#/components/responses/${id}` });

/** Answers any route can give: a malformed request, a bad query, a timeout, oversized headers, the rate limit, a bug. */
const commonResponses = {
  400: answer("BadRequest"),
  408: answer("RequestTimeout"),
  417: answer("ExpectationFailed"),
  429: answer("TooManyRequests"),
  431: answer("HeadersTooLarge"),
  500: answer("InternalError"),
};
const retryAfter = { "Retry-After": { description: "Seconds before the client may send again.", required: true, schema: { type: "integer", minimum: 0 } } };

interface Operation {
  operationId?: string;
  summary?: string;
  parameters?: unknown[];
  responses: Record<string, unknown>;
}

/**
 * Every operation with the answers any route can give (malformed HTTP, a timeout, oversized headers, the rate
 * limit except on the monitoring routes, a bug), and every GET with its HEAD twin (Fastify answers HEAD for each
 * GET route). Applied to the whole document, dossier routes included; adds only what an operation lacks.
 */
export function completeDocument<D extends { paths: object }>(doc: D): D {
  const paths = Object.entries(doc.paths as Record<string, Record<string, Operation>>).map(([path, ops]) => {
    const common = Object.entries(commonResponses).filter(([status]) => status !== "429" || !MONITORING_ROUTES.includes(path));
    const out: Record<string, Operation> = {};
    for (const [method, op] of Object.entries(ops)) {
      out[method] = { ...op, responses: { ...op.responses, ...Object.fromEntries(common.filter(([status]) => !Object.hasOwn(op.responses, status))) } };
    }
    const get = out.get;
    if (get && !out.head) {
      const id = get.operationId ?? path;
      out.head = {
        operationId: `head${id[0]!.toUpperCase()}${id.slice(1)}`,
        summary: `GET ${path} without the body.`,
        ...(get.parameters ? { parameters: get.parameters } : {}),
        responses: Object.fromEntries(
          Object.keys(get.responses).map((status) => [status, { description: `As GET answers it, without the body.`, ...(status === "429" ? { headers: retryAfter } : {}) }]),
        ),
      };
    }
    return [path, out] as const;
  });
  return { ...doc, paths: Object.fromEntries(paths) };
}

function responseComponents(limits: Limits) {
  const err = (description: string, headers?: object) => ({ description, ...errorContent, ...(headers ? { headers } : {}) });
  return {
    BadRequest: err(
      "Invalid input: a bad body (each bad field named in `issues[].path`, e.g. `facts.newWeeklyHours`), a query parameter the route does not read or a bad one (`query.date`), or a malformed HTTP request (bad chunking, a lying or repeated Content-Length, Content-Length with Transfer-Encoding, a bad request line, a missing Host): `invalid_case`, `invalid_plan` or `invalid_request`.",
    ),
    NotFound: err("Unknown: `not_found`."),
    RequestTimeout: err(`The request was not received within ${limits.requestSeconds} s: \`invalid_request\`.`),
    ExpectationFailed: err("An `Expect` header other than 100-continue: `invalid_request`."),
    PayloadTooLarge: err("The body is over the route's limit (`payload_too_large`). The server reads and drops it up to " + `${limits.discardBytes} bytes before answering, so that the client sees this answer.`),
    UnsupportedMediaType: err("A content type the route does not read: `unsupported_media_type`."),
    HeadersTooLarge: err(`Request line and headers over ${limits.headerBytes} bytes: \`invalid_request\`.`),
    TooManyRequests: err(
      limits.rateMax > 0
        ? `More than ${limits.rateMax} requests in ${limits.rateWindowSeconds} s from one client (IP address), per server replica: \`too_many_requests\`.`
        : "Over the rate limit: `too_many_requests` (no limit is set on this server).",
      retryAfter,
    ),
    InternalError: err("A bug of the server, never the client's input: `internal_error` (the request is logged)."),
  };
}

const CSV_RULES = [
  "One employee a row; the header names the columns: `id`, `aid` and fact names (Facts_<aid>).",
  "Dialects, detected from the header line: `,` between cells with decimal points; `;` between cells (what French Excel writes) with decimal commas (`2500,50`) and optional thousands spaces; tab-separated too. A cell is split only on the file's own separator.",
  "UTF-8 with or without BOM; CRLF or LF; quoted fields per RFC 4180.",
  "Cells: an empty cell is an absent fact; booleans true/false, oui/non, vrai/faux, yes/no, 1/0; dates YYYY-MM-DD; numbers and amounts within the same limits as JSON.",
  "The header is checked once: an unknown column is one Error on `header` naming it and the close known fact names. A row with more or fewer cells than the header is that row's own Error, with the file's line number (`{ id, line, error }`).",
  "The employer's facts come in the query: `date` and `headcount` are required with a CSV or spreadsheet body, `proposesCRP` optional.",
].join(" ");

export function openapiDocument(limits: Limits) {
  return completeDocument(calculatorDocument(limits));
}

/** The public calculator's routes. */
function calculatorDocument(limits: Limits) {
  const generic = { ...components(requests, "input"), ...components(responses, "output") };
  const perAid = aidSchemas(generic);
  const planQuery = queryParams(
    CsvPlanQuery,
    {
      detail: "brief (default): reasons without the compared values; full: as POST /v1/evaluate.",
      date: "Required with a CSV or spreadsheet body (not read with JSON, which carries it): the date of the plan.",
      headcount: "Required with a CSV or spreadsheet body: the employer's headcount.",
      proposesCRP: "With a CSV or spreadsheet body: whether the employer proposes the CRP (true/false).",
      lang: "With a CSV or spreadsheet body: the language of the explanations and of a CSV answer's headers (fr by default).",
    },
    { date: "2006-10-02", headcount: "250", proposesCRP: "true" },
    true, // date and headcount are required with CSV and spreadsheets only: a JSON plan carries them
  );
  const dateParams = queryParams(DateQuery, { date: "The date to read at (YYYY-MM-DD)." }, { date: "1996-03-01" });
  const idParam = (what: string, example: string) => ({ name: "id", in: "path", required: true, description: what, schema: { type: "string" }, example });
  const caseExamples = Object.fromEntries(
    Object.entries(examples.cases).map(([name, value]) => [name, { summary: "aid" in value ? `${String(value.aid)} (examples/${name}.json)` : `screening (examples/${name}.json)`, value }]),
  );
  const planSchema = ref("PlanResult");
  return {
    openapi: "3.1.0",
    info: {
      title: "FNE aid calculator API",
      version: "1.0.0",
      description: [
        "French employment aids of the Fonds national de l'emploi era: eligibility, amounts and the articles they rest on, at a date.",
        "Every answer that is not a success is `{ error: { code, message, issues: [{ path, message }] } }` (components.schemas.Error), with at most " +
          `${limits.issues} issues. Any other path or method is answered 404 with that Error (429 past the rate limit).`,
        `Limits: a case body up to ${limits.caseBytes} bytes, a plan up to ${limits.planBytes}; numbers and amounts with at most ${INPUT_LIMITS.integerDigits} digits before the decimal point and ${INPUT_LIMITS.decimals} after; ` +
          `at most ${INPUT_LIMITS.facts} facts and ${INPUT_LIMITS.parameters} parameter overrides in a case` +
          (limits.rateMax > 0 ? `; ${limits.rateMax} requests per ${limits.rateWindowSeconds} s per client (429 with Retry-After beyond).` : "."),
      ].join("\n\n"),
    },
    servers: [{ url: "/", description: "The server that serves this document." }],
    paths: {
      "/v1/evaluate": {
        post: {
          operationId: "evaluate",
          summary: "Evaluate a case: one aid (Result), or every aid when `aid` is absent (screening).",
          requestBody: { required: true, content: { "application/json": { schema: ref("Case"), examples: caseExamples } } },
          responses: {
            200: { description: "The Result, or `{ date, results }` when screening.", ...json({ oneOf: [ref("Result"), ref("Screening")] }) },
            413: answer("PayloadTooLarge"),
            415: answer("UnsupportedMediaType"),
          },
        },
      },
      "/v1/plans": {
        post: {
          operationId: "evaluatePlan",
          summary: "Evaluate a layoff plan: one entry per employee in input order (a bad row gets its own error), totals, counts, scenarios.",
          description: `A JSON Plan, or a plan file: ${CSV_RULES} The answer's format follows \`Accept\`.`,
          parameters: planQuery,
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: ref("Plan"), examples: { plan: { summary: "examples/plan.json", value: examples.plan } } },
              "text/csv": { schema: { type: "string", description: CSV_RULES }, example: examples.csv },
              [XLSX]: { schema: { type: "string", contentMediaType: XLSX, contentEncoding: "binary", description: "An .xlsx workbook: the first sheet, with the same header and cell rules as CSV." } },
            },
          },
          responses: {
            200: {
              description: "The PlanResult, streamed, in the format `Accept` asks for.",
              content: {
                "application/json": { schema: planSchema },
                "application/x-ndjson": { schema: { type: "string", description: "One employee a line (an entry of PlanResult.employees), then one line with the totals, counts and scenarios." } },
                "text/csv": { schema: { type: "string", description: "One row an employee (id, aid, status, each amount, the first unmet condition with its citation, the row's error), then a totals row; in the input's dialect." } },
                [XLSX]: { schema: { type: "string", contentMediaType: XLSX, contentEncoding: "binary" } },
              },
            },
            406: { description: "`Accept` names no format of the answer: `invalid_request`.", ...errorContent },
            413: { description: "The body is over the route's limit, or the plan over one of its caps (rows, results, evaluations), named in the message: `payload_too_large`.", ...errorContent },
            415: answer("UnsupportedMediaType"),
          },
        },
      },
      "/v1/aids": {
        get: {
          operationId: "listAids",
          summary: "The aids with their facts (types, labels), amounts and rule versions.",
          responses: { 200: { description: "The aids.", ...json({ type: "array", items: ref("AidDescription") }) } },
        },
      },
      "/v1/articles/{id}": {
        get: {
          operationId: "getArticle",
          summary: "The article version in force at a date, with its validity and successor.",
          parameters: [idParam("Article id, e.g. R322-6.", "R322-6"), ...dateParams],
          responses: { 200: { description: "The article at the date.", ...json(ref("ArticleAtDate")) }, 404: answer("NotFound") },
        },
      },
      "/v1/parameters/{id}": {
        get: {
          operationId: "getParameter",
          summary: "A dated parameter (SMIC, minimum garanti, …) at a date, in that date's currency.",
          parameters: [idParam("Parameter id, e.g. smic_horaire_brut.", "smic_horaire_brut"), ...dateParams],
          responses: { 200: { description: "The parameter at the date.", ...json(ref("ParameterAtDate")) }, 404: answer("NotFound") },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "openapi",
          summary: "This document.",
          responses: {
            200: {
              description: "An OpenAPI 3.1 document (https://spec.openapis.org/oas/3.1.0).",
              ...json({
                type: "object",
                required: ["openapi", "info", "paths", "components"],
                properties: { openapi: { type: "string", const: "3.1.0" }, info: { type: "object" }, servers: { type: "array" }, paths: { type: "object" }, components: { type: "object" } },
              }),
            },
          },
        },
      },
      "/docs": {
        get: {
          operationId: "docs",
          summary: "This document as an interactive reference page (Swagger UI, served from this server), with a runnable example per route.",
          responses: { 200: { description: "The page.", content: { "text/html": { schema: { type: "string" } } } } },
        },
      },
      "/docs/{file}": {
        get: {
          operationId: "docsFile",
          summary: "A file of the reference page (Swagger UI's script and style, the page's start script).",
          parameters: [{ name: "file", in: "path", required: true, schema: { type: "string", enum: DOCS_FILES } }],
          responses: {
            200: { description: "The file.", content: { "text/css": { schema: { type: "string" } }, "text/javascript": { schema: { type: "string" } } } },
            404: answer("NotFound"),
          },
        },
      },
      "/metrics": {
        get: {
          operationId: "metrics",
          summary: "Prometheus metrics: requests and latencies by route, this process's CPU and memory; with a store, the jobs by state and the rows per second of every worker. Not rate limited.",
          responses: { 200: { description: "Prometheus text exposition format 0.0.4.", content: { "text/plain": { schema: { type: "string" } } } } },
        },
      },
      "/health": {
        get: {
          operationId: "health",
          summary: "Liveness: the rules are loaded. Not rate limited.",
          responses: {
            200: { description: "Up.", ...json({ type: "object", properties: { status: { type: "string", const: "ok" } }, required: ["status"], additionalProperties: false }) },
          },
        },
      },
    },
    components: { schemas: { ...generic, ...perAid }, responses: responseComponents(limits) },
  };
}

export type OpenApiDocument = ReturnType<typeof openapiDocument>;
