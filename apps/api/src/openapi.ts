/**
 * GET /openapi.json: OpenAPI 3.1, generated from the zod shapes of packages/schema (z.toJSONSchema),
 * so the document cannot drift from what the server validates and answers.
 */
import { z } from "zod";
import {
  AidDescription,
  ArticleAtDate,
  Case,
  CsvPlanQuery,
  DateQuery,
  ErrorBody,
  ParameterAtDate,
  Plan,
  PlanResult,
  Result,
  Screening,
} from "@fne/schema";
import { limits } from "./limits.ts";

/** Request shapes are rendered as the client writes them (input), responses as the server writes them (output). */
const requests = { Case, Plan } as const;
const responses = { Result, Screening, PlanResult, Error: ErrorBody, AidDescription, ArticleAtDate, ParameterAtDate } as const;

export function components(shapes: Record<string, z.ZodType>, io: "input" | "output") {
  const registry = z.registry<{ id: string }>();
  for (const [id, shape] of Object.entries(shapes)) registry.add(shape, { id });
  const { schemas } = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" });
  // Each schema is a component of the document, not a standalone JSON Schema resource.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...rest }]) => [id, rest]));
}

const ref = (id: keyof typeof requests | keyof typeof responses) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: object) => ({ content: { "application/json": { schema } } });
const error = (description: string) => ({ description, ...json(ref("Error")) });
/** Query parameters from a zod object; `required` as the shape says unless `optional` overrides it. */
function queryParams(shape: z.ZodObject, descriptions: Record<string, string>, optional = false) {
  const { properties = {}, required = [] } = z.toJSONSchema(shape, { io: "input" }) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: "query",
    required: !optional && required.includes(name),
    description: descriptions[name],
    schema,
  }));
}
const dateParams = queryParams(DateQuery, { date: "The date to read at (YYYY-MM-DD)." });
const planParams = queryParams(
  CsvPlanQuery,
  {
    detail: "brief (default): reasons without the compared values; full: as POST /v1/evaluate.",
    date: "With text/csv (required): the date of the plan.",
    headcount: "With text/csv (required): the employer's headcount.",
    proposesCRP: "With text/csv: whether the employer proposes the CRP (true/false).",
  },
  true, // date and headcount are required with text/csv only: a JSON plan carries them
);
const idParam = (what: string) => ({ name: "id", in: "path", required: true, description: what, schema: { type: "string" } });
const invalid = error("Invalid input: the Error names each bad field in `issues[].path`.");

export function openapiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "FNE aid calculator API",
      version: "1.0.0",
      description:
        "French employment aids of the Fonds national de l'emploi era: eligibility, amounts and the articles they rest on, at a date. " +
        "Every error is `{ error: { code, message, issues: [{ path, message }] } }`.",
    },
    paths: {
      "/v1/evaluate": {
        post: {
          operationId: "evaluate",
          summary: "Evaluate a case: one aid (Result), or every aid when `aid` is absent (screening).",
          requestBody: { required: true, ...json(ref("Case")) },
          responses: {
            200: { description: "The Result, or `{ date, results }` when screening.", ...json({ oneOf: [ref("Result"), ref("Screening")] }) },
            400: invalid,
            413: error(`Body over ${limits.caseBytes} bytes.`),
            415: error("Content type other than application/json."),
          },
        },
      },
      "/v1/plans": {
        post: {
          operationId: "evaluatePlan",
          summary: "Evaluate a layoff plan: one entry per employee in input order (a bad row gets its own error), totals, counts, scenarios.",
          parameters: planParams,
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: ref("Plan") },
              "text/csv": {
                schema: { type: "string", description: "One employee a row; header: `id`, `aid` and fact names; `,` or `;` between cells." },
              },
            },
          },
          responses: {
            200: { description: "The PlanResult (streamed).", ...json(ref("PlanResult")) },
            400: invalid,
            413: error(`Body over ${limits.planBytes} bytes.`),
            415: error("Content type other than application/json or text/csv."),
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
          parameters: [idParam("Article id, e.g. R322-6."), ...dateParams],
          responses: { 200: { description: "The article at the date.", ...json(ref("ArticleAtDate")) }, 400: invalid, 404: error("Unknown article.") },
        },
      },
      "/v1/parameters/{id}": {
        get: {
          operationId: "getParameter",
          summary: "A dated parameter (SMIC, minimum garanti, …) at a date, in that date's currency.",
          parameters: [idParam("Parameter id, e.g. smic_horaire_brut."), ...dateParams],
          responses: { 200: { description: "The parameter at the date.", ...json(ref("ParameterAtDate")) }, 400: invalid, 404: error("Unknown parameter.") },
        },
      },
      "/openapi.json": {
        get: { operationId: "openapi", summary: "This document.", responses: { 200: { description: "OpenAPI 3.1.", ...json({ type: "object" }) } } },
      },
      "/health": {
        get: {
          operationId: "health",
          summary: "Liveness: the rules are loaded.",
          responses: { 200: { description: "Up.", ...json({ type: "object", properties: { status: { const: "ok" } }, required: ["status"] }) } },
        },
      },
    },
    components: { schemas: { ...components(requests, "input"), ...components(responses, "output") } },
  };
}
