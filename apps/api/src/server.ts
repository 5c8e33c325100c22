/**
 * The calculator's HTTP API (CONTRACT.md): Fastify over the engine. buildServer() returns the instance
 * without listening, so tests use inject(); main.ts listens.
 *
 * What applies to every route is installed once here (contract errors, malformed HTTP, security headers, rate
 * limit, requests in flight); routes come in plugins: `publicRoutes` below, `plansRoutes`. A new group of routes
 * is one more `app.register(...)` line, and its paths in openapi.ts.
 */
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from "fastify";
import cors from "@fastify/cors";
import rateLimit from "@fastify/rate-limit";
import { z } from "zod";
import { evaluate, getArticle, getParameter, getRuntime, listAids } from "@fne/engine";
import { DateQuery, pageKind, type PolicyOptions } from "@fne/schema";
import { docsRoutes } from "./docs.ts";
import { badRequest, errorBody, errorHandler, HttpError, onBadUrl, onNotFound } from "./errors.ts";
import { checkHost, clientErrorHandler, refuseBeforeRoutes } from "./http.ts";
import { limits as defaultLimits, MONITORING_ROUTES, type Limits } from "./limits.ts";
import { completeDocument, openapiDocument } from "./openapi.ts";
import { plansRoutes } from "./plans.ts";
import { securityHook } from "./security.ts";
import { trackInFlight } from "./shutdown.ts";
import type { Store } from "@fne/store";
import { dossierRoutes } from "./dossiers.ts";
import { withDossierPaths } from "./dossiers-openapi.ts";
import { webApp } from "./static.ts";
import type { Jobs } from "@fne/store";
import { jobRoutes, type JobSettings } from "./jobs.ts";
import { withJobPaths } from "./jobs-openapi.ts";
import { installMetrics } from "./metrics.ts";
import { echoRequestId, requestId } from "./request-id.ts";

export interface ServerOptions {
  /** Origins allowed to call the API from a browser (embedding sites); "*" for any. None: same-origin only. */
  corsOrigins?: string[];
  /** Fastify's pino logger options; false (the default) for silence, as in tests. */
  logger?: FastifyServerOptions["logger"];
  /** Body sizes, rate, deadlines (limits.ts); the defaults otherwise. */
  limits?: Partial<Limits>;
  /** Behind a reverse proxy: trust its X-Forwarded-For (Fastify's trustProxy), so that the rate limit sees each client. */
  trustProxy?: FastifyServerOptions["trustProxy"];
  /** Security policy of served pages: the sites that may frame the iframe mode, origins the web app may call. */
  pages?: PolicyOptions;
  /** Dossiers, accounts and the audit trail (@fne/store); without it only the public calculator routes exist. */
  store?: Store;
  /** The built web app to serve at / (apps/web/dist), same origin as the API. */
  webDir?: string;
  /** Large plans and rechecks as jobs (jobs.ts), with a store; `rowsWorkedHere` when this process works them too. */
  jobs?: { queue: Jobs; settings: JobSettings; rowsWorkedHere?: () => number };
}

/** A route that reads no query refuses one rather than ignoring it (a misspelt parameter must not pass silently). */
const NoQuery = z.strictObject({});
async function noQuery(req: FastifyRequest) {
  const q = NoQuery.safeParse(req.query);
  if (!q.success) throw badRequest(q.error, "query");
}

/** The query of the catalog routes: `date` must be a calendar date, and nothing else is read. */
function dateOf(query: unknown): string {
  const q = DateQuery.safeParse(query);
  if (!q.success) throw badRequest(q.error, "query");
  return q.data.date;
}

/** One JSON log line per request. */
function logRequest(req: FastifyRequest, reply: FastifyReply, done: () => void) {
  req.log.info({ req: { method: req.method, url: req.url }, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime }, "request completed");
  done();
}

export function buildServer(options: ServerOptions = {}): FastifyInstance {
  const limits: Limits = { ...defaultLimits, ...options.limits };
  const app = Fastify({
    logger: options.logger ?? false,
    // One log line per request (logRequest), not Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: limits.caseBytes,
    requestTimeout: limits.requestSeconds * 1000,
    // Node answers a missing Host with an empty 400: checkHost answers it with the contract's Error. The request
    // timeout only works when given to Node's server at creation (set later, as Fastify does, it never fires), and
    // is checked at a quarter of the limit, between 250 ms and Node's 30 s (which would let a short limit run long).
    http: {
      requireHostHeader: false,
      maxHeaderSize: limits.headerBytes,
      requestTimeout: limits.requestSeconds * 1000,
      connectionsCheckingInterval: Math.max(250, Math.min(30_000, limits.requestSeconds * 250)),
    },
    clientErrorHandler: clientErrorHandler(limits),
    frameworkErrors: onBadUrl,
    trustProxy: options.trustProxy ?? false,
    // While closing, Fastify would answer a request that still reaches a route (pipelined behind one in flight)
    // with its own 503 body, outside the contract: it is served instead, within the shutdown deadline (shutdown.ts).
    return503OnClosing: false,
    requestIdHeader: false,
    genReqId: requestId,
  });
  getRuntime(); // load and compile the rules now: a malformed rule file fails at start-up, not on the first request
  refuseBeforeRoutes(app.server);
  app.addHook("onRequest", async (req) => checkHost(req));
  trackInFlight(app);
  securityHook(app, options.pages ?? {});
  app.addHook("onResponse", logRequest);
  echoRequestId(app);
  installMetrics(app, { jobs: options.jobs?.queue, rowsWorkedHere: options.jobs?.rowsWorkedHere });
  app.setErrorHandler(errorHandler(limits));
  // Bodies are JSON (and CSV for plans): a text/plain body is refused with 415, not handed to the engine as a string.
  app.removeContentTypeParser("text/plain");
  const origins = options.corsOrigins ?? [];
  if (origins.length) app.register(cors, { origin: origins.includes("*") ? "*" : origins, methods: ["GET", "HEAD", "POST"] });

  // Per client (IP address; behind a proxy, see trustProxy), on every route and unknown URL but the monitoring ones.
  app.addHook("onRoute", (r) => {
    if (MONITORING_ROUTES.includes(r.url ?? "")) r.config = { ...r.config, rateLimit: false };
  });
  if (limits.rateMax > 0) {
    app.register(rateLimit, {
      max: limits.rateMax,
      timeWindow: limits.rateWindowSeconds * 1000,
      hook: "onRequest",
      errorResponseBuilder: (_req, ctx) => {
        const message = `more than ${ctx.max} requests in ${limits.rateWindowSeconds} s from this client: retry in ${ctx.after}`;
        return new HttpError(429, "too_many_requests", message, [{ path: "(client)", message }], { "retry-after": String(Math.ceil(ctx.ttl / 1000)) });
      },
    });
    app.register(async (scope) => scope.setNotFoundHandler({ preHandler: scope.rateLimit() }, onNotFound));
  } else {
    app.setNotFoundHandler(onNotFound);
  }

  // Routes in plugins: registered at ready(), after any onRoute hook a caller adds.
  app.register(publicRoutes, { limits, store: options.store, jobs: options.store ? options.jobs : undefined });
  const webRoot = options.webDir;
  if (webRoot) {
    // The web app's files carry the pages' security headers (embed.html may be framed), not the API's.
    app.register(async (scope) => {
      scope.addHook("onRoute", (r) => {
        r.config = { ...r.config, page: pageKind };
      });
      await scope.register(webApp, { root: webRoot });
    });
  }
  return app;
}

/** The public calculator (evaluate, plans, the catalog, the document and its reference page, health), and the dossiers with a store. */
async function publicRoutes(api: FastifyInstance, { limits, store, jobs }: { limits: Limits; store: Store | undefined; jobs: ServerOptions["jobs"] }) {
  api.post("/v1/evaluate", { bodyLimit: limits.caseBytes, onRequest: noQuery, config: { invalid: "invalid_case" } }, (req) => evaluate(req.body));

  api.register(plansRoutes, { bodyLimit: limits.planBytes, jobs });
  if (store) api.register(dossierRoutes, { store, queue: jobs?.queue });
  if (store && jobs) api.register(jobRoutes, { jobs: jobs.queue, store });

  api.get("/v1/aids", { onRequest: noQuery }, () => listAids());

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

  const openapi = completeDocument(withJobPaths(withDossierPaths(openapiDocument(limits), store !== undefined), store !== undefined && jobs !== undefined));
  api.get("/openapi.json", { onRequest: noQuery }, () => openapi);
  api.register(docsRoutes, { onRequest: noQuery });
  api.get("/health", { onRequest: noQuery }, () => ({ status: "ok" }));
}
