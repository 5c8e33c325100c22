/**
 * The dossier side of the API (CONTRACT.md "Dossiers, accounts and the audit trail"): sign-in sessions,
 * dossiers and their evaluations, erasure, export, recheck, the audit trail, saved plans, and GET /ready.
 * Registered by server.ts when it is given a store. Order of refusals: 401 (who?), 403 (the role may not),
 * 404 (not in the caller's organisation: never a 403 that would confirm it exists).
 */
import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { InputError } from "@fne/engine";
import {
  AddEvaluation,
  AuditQuery,
  CreateDossier,
  DossierQuery,
  ExportQuery,
  SavePlan,
  SignIn,
  type ErrorCode,
  type Session,
} from "@fne/schema";
import { csrfToken, StoreError, type Jobs, type Principal, type Store } from "@fne/store";
import { allow, authenticate, SESSION_COOKIE } from "./auth.ts";
import { badRequest, errorBody } from "./errors.ts";
import { jobAccepted } from "./jobs.ts";

/** A saved plan is evaluated in the request: bounded well below the streamed POST /v1/plans. */
export const SAVED_PLAN_BYTES = 5 * 1024 * 1024;

/** A bad body: each field named as the client wrote it. */
function invalidBody(error: z.ZodError, code: ErrorCode = "invalid_request"): InputError {
  const issues = error.issues.flatMap((i) =>
    i.code === "unrecognized_keys"
      ? i.keys.map((k) => ({ path: [...i.path.map(String), k].join("."), message: `unknown field "${k}"` }))
      : [{ path: i.path.map(String).join(".") || "(body)", message: i.message }],
  );
  return new InputError(code, `invalid body: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues);
}

function parse<S extends z.ZodType>(shape: S, value: unknown, where: "body" | "query"): z.infer<S> {
  const r = shape.safeParse(value ?? {});
  if (r.success) return r.data;
  throw where === "body" ? invalidBody(r.error) : badRequest(r.error, "query");
}

const notFound = (reply: FastifyReply, what: string) =>
  reply.code(404).send(errorBody("not_found", `no ${what} of that id in your organisation`, [{ path: "params.id", message: `unknown ${what}` }]));

/** The engine's Plan errors name fields from the plan's root: here the plan is the body's `plan`. */
function underPlan(e: unknown): never {
  if (e instanceof InputError) {
    throw new InputError(e.code, `plan: ${e.message}`, e.issues.map((i) => ({ ...i, path: i.path === "(root)" ? "plan" : `plan.${i.path}` })));
  }
  throw e;
}

function sessionOf(p: Principal, secret: string | undefined, expiresAt: string | null): Session {
  return { organisation: p.organisation, role: p.role, label: p.label, csrfToken: secret ? csrfToken(secret) : null, expiresAt };
}

type Params = { Params: { id: string } };

/** POST /v1/recheck: `async=true` makes it a job (with a job queue only). */
const RecheckQuery = z.strictObject({ async: z.enum(["true", "false"]).optional() });

export async function dossierRoutes(api: FastifyInstance, { store, queue }: { store: Store; queue?: Jobs | undefined }) {
  await api.register(cookie);
  const auth = authenticate(store);
  const who = (req: FastifyRequest) => req.principal!;

  api.get("/ready", async (_req, reply) => {
    if (await store.ready()) return { status: "ready", database: store.kind };
    const message = "the database does not answer";
    return reply.code(503).send(errorBody("internal_error", message, [{ path: "(database)", message }]));
  });

  // ---- sessions of the web app ----
  api.post("/v1/session", { config: { invalid: "invalid_request" } }, async (req, reply) => {
    const { token } = parse(SignIn, req.body, "body");
    const p = await store.authenticate(token);
    if (!p) {
      const message = "this token is not valid: unknown, malformed or revoked";
      return reply.code(401).send(errorBody("unauthorized", message, [{ path: "token", message }]));
    }
    const s = await store.openSession(p);
    reply.setCookie(SESSION_COOKIE, s.secret, {
      httpOnly: true,
      sameSite: "strict",
      path: "/",
      secure: req.protocol === "https",
      maxAge: store.sessionHours * 3600,
    });
    return reply.code(201).send(sessionOf(p, s.secret, s.expiresAt));
  });
  api.get("/v1/session", { preHandler: auth }, async (req) => {
    const p = req.principal as Principal & { expiresAt?: string };
    return sessionOf(p, req.sessionSecret, p.expiresAt ?? null);
  });
  api.delete("/v1/session", { preHandler: auth }, async (req, reply) => {
    if (req.sessionSecret) await store.closeSession(req.sessionSecret, who(req));
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.code(204).send();
  });

  // ---- dossiers ----
  api.post("/v1/dossiers", { preHandler: [auth, allow("createDossier")], config: { invalid: "invalid_request" } }, async (req, reply) => {
    const body = parse(CreateDossier, req.body, "body");
    return reply.code(201).send(await store.createDossier(who(req), body));
  });

  api.get("/v1/dossiers", { preHandler: [auth, allow("readDossier")], config: { invalid: "invalid_request" } }, async (req) =>
    store.listDossiers(who(req), parse(DossierQuery, req.query, "query")),
  );

  api.get<Params>("/v1/dossiers/:id", { preHandler: [auth, allow("readDossier")] }, async (req, reply) => {
    const d = await store.getDossier(who(req), req.params.id);
    return d ?? notFound(reply, "dossier");
  });

  api.get<Params>("/v1/dossiers/:id/export", { preHandler: [auth, allow("exportDossier")], config: { invalid: "invalid_request" } }, async (req, reply) => {
    const format = parse(ExportQuery, req.query, "query").format ?? "json";
    const d = await store.getDossier(who(req), req.params.id, { action: "exported", format });
    if (!d) return notFound(reply, "dossier");
    // JSON: a file to keep (the person's right of access); sheet: the same data, for the printed sheet of the web app.
    if (format === "json") reply.header("content-disposition", `attachment; filename="dossier-${d.id}.json"`);
    return { ...d, exportedAt: new Date().toISOString() };
  });

  api.post<Params>("/v1/dossiers/:id/evaluations", { preHandler: [auth, allow("evaluate")], config: { invalid: "invalid_request" } }, async (req, reply) => {
    const body = parse(AddEvaluation, req.body, "body");
    try {
      const e = await store.addEvaluation(who(req), req.params.id, body);
      return e ? reply.code(201).send(e) : notFound(reply, "dossier");
    } catch (e) {
      if (e instanceof StoreError && e.code === "not_found") {
        return reply.code(404).send(errorBody("not_found", e.message, [{ path: "recheckOf", message: e.message }]));
      }
      throw e;
    }
  });

  api.delete<Params>("/v1/dossiers/:id", { preHandler: [auth, allow("eraseDossier")] }, async (req, reply) =>
    (await store.eraseDossier(who(req), req.params.id)) ? reply.code(204).send() : notFound(reply, "dossier"),
  );

  api.post("/v1/recheck", { preHandler: [auth, allow("recheck")] }, async (req, reply) => {
    const actor = { id: who(req).tokenId, role: who(req).role, label: who(req).label };
    const organisationId = who(req).organisationId;
    // `?async=true`: a job (jobs.ts), for a recheck of many dossiers; its result is the organisation's only.
    if (queue && parse(RecheckQuery, req.query, "query").async === "true") {
      const id = await queue.create({ kind: "recheck", total: 0, requestId: req.id, organisationId, spec: JSON.stringify({ actor, organisationId }), parts: [] });
      return jobAccepted(reply, id);
    }
    return store.recheck(actor, { organisationId });
  });

  api.get("/v1/audit", { preHandler: [auth, allow("readAudit")], config: { invalid: "invalid_request" } }, async (req, reply) => {
    const q = parse(AuditQuery, req.query, "query");
    const events = await store.auditTrail(who(req), q);
    if (!events) {
      const message = "no dossier of that id in your organisation";
      return reply.code(404).send(errorBody("not_found", message, [{ path: "query.dossier", message }]));
    }
    return events;
  });

  // ---- an employer's saved plans ----
  api.post(
    "/v1/saved-plans",
    { preHandler: [auth, allow("savePlan")], bodyLimit: SAVED_PLAN_BYTES, config: { invalid: "invalid_plan" } },
    async (req, reply) => {
      const body = parse(SavePlan, req.body, "body");
      const saved = await store.savePlan(who(req), body).catch(underPlan);
      return reply.code(201).send(saved);
    },
  );
  api.get("/v1/saved-plans", { preHandler: [auth, allow("readPlans")] }, async (req) => store.listPlans(who(req)));
  api.get<Params>("/v1/saved-plans/:id", { preHandler: [auth, allow("readPlans")] }, async (req, reply) => {
    const p = await store.getPlan(who(req), req.params.id);
    return p ?? notFound(reply, "saved plan");
  });
  api.delete<Params>("/v1/saved-plans/:id", { preHandler: [auth, allow("erasePlan")] }, async (req, reply) =>
    (await store.erasePlan(who(req), req.params.id)) ? reply.code(204).send() : notFound(reply, "saved plan"),
  );
}
