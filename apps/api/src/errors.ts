/**
 * Every answer that is not a success is the contract's Error (CONTRACT.md): { error: { code, message, issues } }.
 * Whatever a client sends gets a 4xx; a 5xx only ever means a bug of ours. An Error is bounded whatever the input:
 * at most `limits.issues` issues, each path and message cut to a few hundred characters, and the Error says so.
 */
import type { IncomingMessage } from "node:http";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { InputError } from "@fne/engine";
import type { ErrorBody, ErrorCode, ErrorIssue } from "@fne/schema";
import { limits as defaultLimits, type Limits } from "./limits.ts";

/** Each route says which code its invalid input gets (invalid_case, invalid_plan, invalid_request). */
declare module "fastify" {
  interface FastifyContextConfig {
    invalid?: ErrorCode;
    /** The content types the route reads, named in a 415 (application/json when absent). */
    accepts?: string[];
  }
}

/** A client error with its status: raised anywhere, answered by onError. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues: ErrorIssue[],
    /** Headers the answer carries (Retry-After, Allow). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Characters kept of a path or a message: a name sent a megabyte long is not sent back whole. */
const TEXT = 300;
const cut = (s: string, n = TEXT) => (s.length > n ? `${s.slice(0, n)}… (${s.length - n} more characters)` : s);

/** The Error body, bounded: at most `maxIssues` issues, then one that says how many were left out. */
export function errorBody(code: ErrorCode, message: string, issues: ErrorIssue[] = [], maxIssues = Infinity): ErrorBody {
  const shown = issues.slice(0, maxIssues).map((i) => ({ path: cut(i.path), message: cut(i.message) }));
  if (issues.length > shown.length) {
    const more = `${issues.length - shown.length} more issues not listed: an answer lists at most ${maxIssues}`;
    shown.push({ path: "(more)", message: more });
  }
  return { error: { code, message: cut(message, 3 * TEXT), issues: shown } };
}

/** zod issues of a query or path parameter, named as the client wrote them. */
export function badRequest(error: z.ZodError, where: "query" | "params", code: ErrorCode = "invalid_request"): InputError {
  const issues = error.issues.map((i) => {
    const keys = i.code === "unrecognized_keys" ? i.keys : [undefined];
    return keys.map((k) => ({
      path: [where, ...i.path.map(String), ...(k === undefined ? [] : [k])].join("."),
      message: k === undefined ? i.message : `unknown ${where === "query" ? "query parameter" : "parameter"} "${k}": this route does not read it`,
    }));
  }).flat();
  return new InputError(code, `invalid ${where}: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues);
}

/** Fastify's own client errors (FST_ERR_CTP_*, rate limiting): status → the contract's code. */
function clientError(status: number, e: FastifyError, req: FastifyRequest): ErrorBody {
  const say = (code: ErrorCode, message: string, path: string) => errorBody(code, message, [{ path, message }]);
  if (status === 413) return say("payload_too_large", `body larger than the ${req.routeOptions.bodyLimit} bytes this route accepts`, "(body)");
  if (status === 415) {
    const accepted = (req.routeOptions.config.accepts ?? ["application/json"]).join(" or ");
    return say("unsupported_media_type", `content type ${JSON.stringify(req.headers["content-type"] ?? "(none)")} not accepted: send ${accepted}`, "(content-type)");
  }
  // Malformed or empty JSON (FST_ERR_CTP_INVALID_JSON_BODY, FST_ERR_CTP_EMPTY_JSON_BODY), a bad Content-Length, …
  return say(req.routeOptions.config.invalid ?? "invalid_request", e.message, "(body)");
}

/**
 * The error handler of the server. A body the handler did not read (a 413, a 415, a bad query) is read and
 * discarded first, up to `limits.discardBytes`: a client still sending would otherwise be cut off (EPIPE) before
 * it reads the answer.
 */
export function errorHandler(limits: Limits) {
  return async function onError(e: FastifyError, req: FastifyRequest, reply: FastifyReply) {
    let status: number;
    let body: ErrorBody;
    if (e instanceof InputError) {
      status = 400;
      body = errorBody(e.code, e.message, e.issues, limits.issues);
    } else if (e instanceof HttpError) {
      status = e.statusCode;
      body = errorBody(e.code, e.message, e.issues, limits.issues);
      reply.headers(e.headers);
    } else if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500) {
      status = e.statusCode;
      body = clientError(status, e, req);
    } else {
      req.log.error({ err: e }, "internal error");
      return reply.code(500).send(errorBody("internal_error", "internal error; the request was logged"));
    }
    // Read to its end, the connection can serve the next request; cut short, it must close.
    if (await discardBody(req.raw, limits.discardBytes)) reply.removeHeader("connection");
    else reply.header("connection", "close");
    return reply.code(status).send(body);
  };
}

/**
 * Reads and drops what is left of a request body, up to `limit` bytes and 30 seconds: true when the body was
 * read to its end (the connection may then serve another request), false when it was cut (close it after the answer).
 */
export function discardBody(raw: IncomingMessage, limit: number): Promise<boolean> {
  if (raw.complete || raw.readableEnded) return Promise.resolve(true);
  if (raw.destroyed) return Promise.resolve(false);
  const declared = Number(raw.headers["content-length"]);
  if (declared > limit) return Promise.resolve(false);
  return new Promise((resolve) => {
    let bytes = 0;
    const done = (ok: boolean) => {
      clearTimeout(timer);
      raw.removeListener("data", onData);
      raw.removeListener("end", onEnd);
      raw.removeListener("error", onFail);
      raw.removeListener("close", onClose);
      if (!ok) raw.pause();
      resolve(ok);
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limit) done(false);
    };
    const onEnd = () => done(true);
    const onFail = () => done(false);
    const onClose = () => done(raw.complete);
    const timer = setTimeout(() => done(false), 30_000);
    raw.on("data", onData);
    raw.on("end", onEnd);
    raw.on("error", onFail);
    raw.on("close", onClose);
    raw.resume();
  });
}

/** The error handler with the default limits (for a plugin served on its own, as in its tests). */
export const onError = errorHandler(defaultLimits);

export function onNotFound(req: FastifyRequest, reply: FastifyReply) {
  const message = `no route ${req.method} ${cut(req.url.split("?")[0]!)}; see GET /openapi.json`;
  return reply.code(404).send(errorBody("not_found", message, [{ path: "(url)", message }]));
}

/** Errors Fastify raises before routing: a URL that does not decode (FST_ERR_BAD_URL). */
export function onBadUrl(e: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  return reply.code(400).send(errorBody("invalid_request", e.message, [{ path: "(url)", message: e.message }]));
}
