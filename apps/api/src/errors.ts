/**
 * Every answer that is not a success is the contract's Error (CONTRACT.md): { error: { code, message, issues } }.
 * Whatever a client sends gets a 4xx; a 5xx only ever means a bug of ours.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { InputError } from "@fne/engine";
import type { ErrorBody, ErrorCode, ErrorIssue } from "@fne/schema";

/** Each route says which code its invalid input gets (invalid_case, invalid_plan, invalid_request). */
declare module "fastify" {
  interface FastifyContextConfig {
    invalid?: ErrorCode;
    /** The content types the route reads, named in a 415 (application/json when absent). */
    accepts?: string[];
  }
}

export const errorBody = (code: ErrorCode, message: string, issues: ErrorIssue[] = []): ErrorBody => ({
  error: { code, message, issues },
});

/** zod issues of a query or path parameter, named as the client wrote them. */
export function badRequest(error: z.ZodError, where: "query" | "params", code: ErrorCode = "invalid_request"): InputError {
  const issues = error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join("."), message: i.message }));
  return new InputError(code, `invalid ${where}: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues);
}

/** Fastify's own client errors (FST_ERR_CTP_*): status → the contract's code. */
function clientError(status: number, e: FastifyError, req: FastifyRequest): ErrorBody {
  if (status === 413) {
    const message = `body larger than the ${req.routeOptions.bodyLimit} bytes this route accepts`;
    return errorBody("payload_too_large", message, [{ path: "(body)", message }]);
  }
  if (status === 415) {
    const message = `content type ${JSON.stringify(req.headers["content-type"] ?? "(none)")} not accepted: send ${(req.routeOptions.config.accepts ?? ["application/json"]).join(" or ")}`;
    return errorBody("unsupported_media_type", message, [{ path: "(content-type)", message }]);
  }
  // Malformed or empty JSON (FST_ERR_CTP_INVALID_JSON_BODY, FST_ERR_CTP_EMPTY_JSON_BODY), a bad Content-Length, …
  return errorBody(req.routeOptions.config.invalid ?? "invalid_request", e.message, [{ path: "(body)", message: e.message }]);
}

export function onError(e: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (e instanceof InputError) return reply.code(400).send(e.toJSON());
  const status = e.statusCode ?? 500;
  if (status >= 400 && status < 500) return reply.code(status).send(clientError(status, e, req));
  req.log.error({ err: e }, "internal error");
  return reply.code(500).send(errorBody("internal_error", "internal error; the request was logged"));
}

export function onNotFound(req: FastifyRequest, reply: FastifyReply) {
  const message = `no route ${req.method} ${req.url.split("?")[0]}; see GET /openapi.json`;
  return reply.code(404).send(errorBody("not_found", message, [{ path: "(url)", message }]));
}
