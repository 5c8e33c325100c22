/**
 * The OpenAPI side of the jobs (jobs.ts), added to GET /openapi.json when the server has a job queue: the 202 of
 * POST /v1/plans and its `async` parameter, `async` on POST /v1/recheck, GET /v1/jobs/{id} and its result.
 */
import { JobAccepted, JobAnswer } from "./jobs.ts";
import { components } from "./openapi.ts";

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: object) => ({ content: { "application/json": { schema } } });
const error = (description: string) => ({ description, ...json(ref("Error")) });
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const asyncParam = (what: string) => ({ name: "async", in: "query", required: false, description: `true: run ${what} as a job whatever its size (202 with the job's id).`, schema: { type: "string", enum: ["true", "false"] } });
const accepted = (what: string) => ({
  description: `${what} is queued as a job: its id (ask GET /v1/jobs/{id} for its state and progress, then GET /v1/jobs/{id}/result).`,
  headers: { Location: { description: "GET /v1/jobs/{id} of this job.", required: true, schema: { type: "string" } } },
  ...json(ref("JobAccepted")),
});
const idParam = { name: "id", in: "path", required: true, description: "The job's id (from the 202).", schema: { type: "string" } };
const notFound = { 404: error("No job of that id (or a recheck job of another organisation).") };

type Operation = { parameters?: unknown[]; responses: Record<string, unknown>; description?: string };
type Doc = { paths: object; components: { schemas: object } };

export function withJobPaths<D extends Doc>(doc: D, enabled: boolean): D {
  if (!enabled) return doc;
  const paths = { ...(doc.paths as Record<string, Record<string, Operation>>) };
  const plans = paths["/v1/plans"]!.post!;
  paths["/v1/plans"] = {
    ...paths["/v1/plans"],
    post: {
      ...plans,
      description: `${plans.description ?? ""} A plan above the server's row threshold (PLAN_ASYNC_ROWS), or any plan with \`async=true\`, is checked the same way (400 and 413 as above), then answered 202 and evaluated as a job.`,
      parameters: [...(plans.parameters ?? []), asyncParam("the plan")],
      responses: { ...plans.responses, 202: accepted("The plan") },
    },
  };
  const recheck = paths["/v1/recheck"]?.post;
  if (recheck) paths["/v1/recheck"] = { post: { ...recheck, parameters: [...(recheck.parameters ?? []), asyncParam("the recheck")], responses: { ...recheck.responses, 202: accepted("The recheck"), 400: error("A query parameter the route does not read, or a bad one.") } } };
  paths["/v1/jobs/{id}"] = {
    get: {
      operationId: "getJob",
      summary: "A job's state and progress (rows done of rows to do). A plan's job is anyone's who has its id; a recheck's needs a token of its organisation.",
      parameters: [idParam],
      responses: { 200: { description: "The job.", ...json(ref("JobAnswer")) }, 401: error("A recheck job, asked without a valid token or session."), ...notFound },
    } as Operation,
  };
  paths["/v1/jobs/{id}/result"] = {
    get: {
      operationId: "getJobResult",
      summary: "A completed job's result: a plan's PlanResult in the format `Accept` asks (as POST /v1/plans answers it), or a recheck's result (JSON).",
      parameters: [idParam],
      responses: {
        200: {
          description: "The result, streamed.",
          content: {
            "application/json": { schema: { oneOf: [ref("PlanResult"), ref("RecheckResult")] } },
            "application/x-ndjson": { schema: { type: "string", description: "One employee a line, then the totals line." } },
            "text/csv": { schema: { type: "string", description: "As POST /v1/plans answers it: one row an employee, then the totals row; in the input's dialect." } },
            [XLSX]: { schema: { type: "string", contentMediaType: XLSX, contentEncoding: "binary" } },
          },
        },
        401: error("A recheck job, asked without a valid token or session."),
        ...notFound,
        406: error("`Accept` names no format of the answer: `invalid_request`."),
        409: {
          description: "The job has no result yet (queued or active: retry after Retry-After seconds), or it failed: `invalid_request`, the message says which.",
          ...json(ref("Error")),
        },
      },
    } as Operation,
  };
  return { ...doc, paths, components: { ...doc.components, schemas: { ...doc.components.schemas, ...components({ JobAccepted, JobAnswer }, "output") } } };
}
