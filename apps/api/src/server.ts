/**
 * The calculator's HTTP API (CONTRACT.md): Fastify over the engine. buildServer() returns the instance
 * without listening, so tests use inject(); main.ts listens.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import cors from "@fastify/cors";
import { evaluate, getArticle, getParameter, getRuntime, listAids } from "@fne/engine";
import { DateQuery } from "@fne/schema";
import { badRequest, errorBody, onBadUrl, onError, onNotFound } from "./errors.ts";
import { limits as defaultLimits, type Limits } from "./limits.ts";
import { openapiDocument } from "./openapi.ts";
import { plansRoutes } from "./plans.ts";
import type { Store } from "@fne/store";
import { dossierRoutes } from "./dossiers.ts";
import { withDossierPaths } from "./dossiers-openapi.ts";
import { webApp } from "./static.ts";

export interface ServerOptions {
  /** Origins allowed to call the API from a browser (embedding sites); "*" for any. None: same-origin only. */
  corsOrigins?: string[];
  /** Fastify's pino logger options; false (the default) for silence, as in tests. */
  logger?: FastifyServerOptions["logger"];
  /** Body limits in bytes (1 MiB for a case, 50 MiB for a plan by default). */
  limits?: Partial<Limits>;
  /** Dossiers, accounts and the audit trail (@fne/store); without it only the public calculator routes exist. */
  store?: Store;
  /** The built web app to serve at / (apps/web/dist), same origin as the API. */
  webDir?: string;
}

/** The query of the catalog routes: `date` must be a calendar date. */
function dateOf(query: unknown): string {
  const q = DateQuery.safeParse(query);
  if (!q.success) throw badRequest(q.error, "query");
  return q.data.date;
}

export function buildServer(options: ServerOptions = {}): FastifyInstance {
  const limits = { ...defaultLimits, ...options.limits };
  // One JSON log line per request (Fastify's default writes two, "incoming request" and "request completed").
  const app = Fastify({ logger: options.logger ?? false, disableRequestLogging: true, bodyLimit: limits.caseBytes, frameworkErrors: onBadUrl });
  app.addHook("onResponse", (req, reply, done) => {
    req.log.info({ req: { method: req.method, url: req.url }, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime }, "request completed");
    done();
  });
  getRuntime(); // load and compile the rules now: a malformed rule file fails at start-up, not on the first request
  app.setErrorHandler(onError);
  app.setNotFoundHandler(onNotFound);
  // Bodies are JSON (and CSV for plans): a text/plain body is refused with 415, not handed to the engine as a string.
  app.removeContentTypeParser("text/plain");
  // Once close() has begun, answer in-flight requests with `Connection: close`: a keep-alive client would
  // otherwise hold the shutdown until its idle timeout.
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", (_req, reply, payload, done) => {
    if (closing) reply.header("connection", "close");
    done(null, payload);
  });
  const origins = options.corsOrigins ?? [];
  if (origins.length) app.register(cors, { origin: origins.includes("*") ? "*" : origins, methods: ["GET", "POST"] });

  // Routes in a plugin: registered at ready(), after any onRoute hook a caller adds.
  app.register(async (api) => {
    api.post("/v1/evaluate", { bodyLimit: limits.caseBytes, config: { invalid: "invalid_case" } }, (req) => evaluate(req.body));

    api.register(plansRoutes, { bodyLimit: limits.planBytes });
    if (options.store) api.register(dossierRoutes, { store: options.store });

    api.get("/v1/aids", () => listAids());

    api.get<{ Params: { id: string } }>("/v1/articles/:id", { config: { invalid: "invalid_request" } }, (req, reply) => {
      const article = getArticle(req.params.id, dateOf(req.query));
      if (article) return article;
      return reply.code(404).send(errorBody("not_found", `unknown article "${req.params.id}"`, [{ path: "params.id", message: "unknown article" }]));
    });

    api.get<{ Params: { id: string } }>("/v1/parameters/:id", { config: { invalid: "invalid_request" } }, (req, reply) => {
      const parameter = getParameter(req.params.id, dateOf(req.query));
      if (parameter) return parameter;
      const known = [...getRuntime().parameters.keys()].join(", ");
      return reply
        .code(404)
        .send(errorBody("not_found", `unknown parameter "${req.params.id}"; known: ${known}`, [{ path: "params.id", message: "unknown parameter" }]));
    });

    const openapi = withDossierPaths(openapiDocument(), options.store !== undefined);
    api.get("/openapi.json", () => openapi);
    api.get("/health", () => ({ status: "ok" }));
  });
  if (options.webDir) app.register(webApp, { root: options.webDir });
  return app;
}
