/**
 * Security headers on every answer of the API, in one onSend hook: JSON answers and errors get the strictest
 * policy, the /docs page its own (packages/schema/src/headers.ts holds the policies, shared with the web app).
 * A route that serves pages says which in `config.page` (the web app, when the API serves it: `pageKind`).
 * Answers written on the socket below Fastify (apps/api/src/http.ts) carry API_HEADERS.
 */
import type { FastifyInstance } from "fastify";
import { securityHeaders, type PageKind, type PolicyOptions } from "@fne/schema";

declare module "fastify" {
  interface FastifyContextConfig {
    /** What the route answers, for its security headers ("api" when absent); a function of the path for static files. */
    page?: PageKind | ((path: string) => PageKind);
  }
}

export const API_HEADERS = securityHeaders("api");

export function securityHook(app: FastifyInstance, options: PolicyOptions) {
  const byKind = Object.fromEntries((["api", "docs", "app", "embed"] as const).map((k) => [k, Object.entries(securityHeaders(k, options))])) as Record<
    PageKind,
    Array<[string, string]>
  >;
  app.addHook("onSend", (req, reply, payload, done) => {
    const page = req.routeOptions.config?.page ?? "api";
    const kind = typeof page === "function" ? page(req.url.split("?")[0]!) : page;
    for (const [name, value] of byKind[kind]) if (!reply.hasHeader(name)) reply.header(name, value);
    done(null, payload);
  });
}
