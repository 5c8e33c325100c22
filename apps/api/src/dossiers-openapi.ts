/** The OpenAPI paths of the dossier routes (dossiers.ts), added to GET /openapi.json when the server has a store. */
import {
  AddEvaluation,
  AuditEvent,
  CreateDossier,
  Dossier,
  DossierQuery,
  DossierSummary,
  Evaluation,
  RecheckResult,
  SavedPlan,
  SavedPlanSummary,
  SavePlan,
  Session,
  SignIn,
  AuditQuery,
  ExportQuery,
} from "@fne/schema";
import { z } from "zod";
import { components } from "./openapi.ts";
import { SAVED_PLAN_BYTES } from "./dossiers.ts";

const requests = { CreateDossier, AddEvaluation, SignIn, SavePlan };
const responses = { Dossier, DossierSummary, Evaluation, AuditEvent, RecheckResult, Session, SavedPlan, SavedPlanSummary };
type Id = keyof typeof requests | keyof typeof responses | "Error";

const ref = (id: Id) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: object) => ({ content: { "application/json": { schema } } });
const answer = (description: string, schema?: object) => ({ description, ...(schema ? json(schema) : {}) });
const list = (id: Id) => ({ type: "array", items: ref(id) });
const error = (description: string) => answer(description, ref("Error"));
const bearer = [{ bearer: [] }, { session: [] }];

/** 401, 403 and 404 as every protected route answers them. */
const refusals = {
  401: error("No valid token or session (unknown, malformed, revoked, expired)."),
  403: error("The caller's role may not do this; or a cookie request without its X-CSRF-Token or from another origin."),
};
const missing = (what: string) => ({ 404: error(`No ${what} of that id in the caller's organisation (another organisation's is a 404 too).`) });
const invalid = { 400: error("Invalid input: `issues[].path` names each bad field (`case.facts.…` for the case).") };

function queryParams(shape: z.ZodObject, descriptions: Record<string, string>) {
  const { properties = {} } = z.toJSONSchema(shape, { io: "input" }) as { properties?: Record<string, object> };
  return Object.entries(properties).map(([name, schema]) => ({ name, in: "query", required: false, description: descriptions[name], schema }));
}
const idParam = (what: string) => ({ name: "id", in: "path", required: true, description: `The ${what}'s id.`, schema: { type: "string" } });
const op = (operationId: string, summary: string, rest: object) => ({ operationId, summary, security: bearer, ...rest });

const paths = {
  "/ready": {
    get: {
      operationId: "ready",
      summary: "Readiness: the database answers and its migrations ran.",
      responses: { 200: answer("Ready.", { type: "object" }), 503: error("The database does not answer.") },
    },
  },
  "/v1/session": {
    post: {
      operationId: "signIn",
      summary: "Sign in with a token: sets the HttpOnly, SameSite=Strict session cookie; answers the CSRF token to send back.",
      requestBody: { required: true, ...json(ref("SignIn")) },
      responses: { 201: answer("Signed in.", ref("Session")), ...invalid, 401: error("Unknown, malformed or revoked token.") },
    },
    get: op("session", "Who is signed in (with the session's CSRF token).", { responses: { 200: answer("The session.", ref("Session")), ...refusals } }),
    delete: op("signOut", "Sign out: the session ends and its cookie is cleared.", { responses: { 204: answer("Signed out."), ...refusals } }),
  },
  "/v1/dossiers": {
    post: op("createDossier", "Open a dossier; its case (optional) is evaluated at once.", {
      requestBody: { required: true, ...json(ref("CreateDossier")) },
      responses: { 201: answer("The dossier.", ref("Dossier")), ...invalid, ...refusals },
    }),
    get: op("listDossiers", "The caller's organisation's dossiers, newest first; `q` searches the reference, `status` is the newest evaluation's.", {
      parameters: queryParams(DossierQuery, { q: "Part of the reference.", status: "Status of the newest evaluation.", limit: "At most (100).", offset: "Skip." }),
      responses: { 200: answer("The dossiers.", list("DossierSummary")), ...invalid, ...refusals },
    }),
  },
  "/v1/dossiers/{id}": {
    get: op("getDossier", "A dossier with every evaluation, oldest first (audited: viewed).", {
      parameters: [idParam("dossier")],
      responses: { 200: answer("The dossier.", ref("Dossier")), ...refusals, ...missing("dossier") },
    }),
    delete: op("eraseDossier", "Erase the person's data; the audit trail keeps the event, without the data.", {
      parameters: [idParam("dossier")],
      responses: { 204: answer("Erased."), ...refusals, ...missing("dossier") },
    }),
  },
  "/v1/dossiers/{id}/evaluations": {
    post: op("addEvaluation", "Evaluate a case into the dossier, or `recheckOf` an evaluation: its case again under today's rules.", {
      parameters: [idParam("dossier")],
      requestBody: { required: true, ...json(ref("AddEvaluation")) },
      responses: { 201: answer("The stored evaluation.", ref("Evaluation")), ...invalid, ...refusals, ...missing("dossier (or evaluation)") },
    }),
  },
  "/v1/dossiers/{id}/export": {
    get: op("exportDossier", "The dossier to keep (json, as a file) or to print (sheet); audited: exported.", {
      parameters: [idParam("dossier"), ...queryParams(ExportQuery, { format: "json (default): an attachment; sheet: for the printed sheet." })],
      responses: { 200: answer("The dossier and when it was exported.", ref("Dossier")), ...invalid, ...refusals, ...missing("dossier") },
    }),
  },
  "/v1/recheck": {
    post: op("recheck", "Every stored evaluation of the organisation made under another rulesVersion, evaluated again (added, never edited); which change.", {
      responses: { 200: answer("What was checked and what changed, before and after.", ref("RecheckResult")), ...refusals },
    }),
  },
  "/v1/audit": {
    get: op("audit", "The organisation's audit trail, newest first (append-only); `dossier` keeps answering after an erasure.", {
      parameters: queryParams(AuditQuery, { dossier: "One dossier's events.", limit: "At most (200).", before: "Events before this sequence number." }),
      responses: { 200: answer("The events.", list("AuditEvent")), ...invalid, ...refusals, ...missing("dossier") },
    }),
  },
  "/v1/saved-plans": {
    post: op("savePlan", "Save a layoff plan with its scenarios; it is evaluated now and kept with its PlanResult.", {
      requestBody: { required: true, ...json(ref("SavePlan")) },
      responses: { 201: answer("The saved plan.", ref("SavedPlan")), ...invalid, 413: error(`Body over ${SAVED_PLAN_BYTES} bytes.`), ...refusals },
    }),
    get: op("listSavedPlans", "The organisation's saved plans, newest first (totals and counts).", {
      responses: { 200: answer("The plans.", list("SavedPlanSummary")), ...refusals },
    }),
  },
  "/v1/saved-plans/{id}": {
    get: op("getSavedPlan", "A saved plan with its PlanResult.", {
      parameters: [idParam("saved plan")],
      responses: { 200: answer("The plan.", ref("SavedPlan")), ...refusals, ...missing("saved plan") },
    }),
    delete: op("eraseSavedPlan", "Erase a saved plan.", { parameters: [idParam("saved plan")], responses: { 204: answer("Erased."), ...refusals, ...missing("saved plan") } }),
  },
};

/** The document with the dossier routes, their shapes and the two ways to sign in; unchanged without a store. */
export function withDossierPaths<D extends { paths: object; components: { schemas: object } }>(doc: D, enabled: boolean): D {
  if (!enabled) return doc;
  return {
    ...doc,
    paths: { ...doc.paths, ...paths },
    components: {
      ...doc.components,
      schemas: { ...doc.components.schemas, ...components(requests, "input"), ...components(responses, "output") },
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A token of `pnpm admin token create`." },
        session: { type: "apiKey", in: "cookie", name: "fne_session", description: "The web app's session (POST /v1/session)." },
      },
    },
  };
}
