/**
 * Who is calling: `Authorization: Bearer <token>` (scripts, other services), or the web app's session cookie.
 *
 * The cookie is HttpOnly (no script reads it) and SameSite=Strict (the browser sends it on no request another site
 * starts). On top of that, a request that changes something (POST, DELETE) made with the cookie must carry the
 * session's CSRF token in `X-CSRF-Token` (derived from the cookie's secret; the page gets it when signing in),
 * and when the browser names an Origin it must be this server's. A form on another site can set neither; a
 * script on another site cannot read the token, and its custom header needs a CORS preflight this API refuses.
 * Bearer calls carry no ambient credential, so they need none of that.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { can, csrfToken, sameText, type Permission, type Principal, type Store } from "@fne/store";
import { errorBody } from "./errors.ts";

export const SESSION_COOKIE = "fne_session";
export const CSRF_HEADER = "x-csrf-token";
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

declare module "fastify" {
  interface FastifyRequest {
    principal?: Principal;
    /** The session cookie's secret, when the caller came with it. */
    sessionSecret?: string;
  }
}

const unauthorized = (reply: FastifyReply, message: string) =>
  reply
    .code(401)
    .header("www-authenticate", 'Bearer realm="fne"')
    .send(errorBody("unauthorized", message, [{ path: "(authorization)", message }]));

export const forbidden = (reply: FastifyReply, message: string) => reply.code(403).send(errorBody("forbidden", message, [{ path: "(role)", message }]));

/** The request's own origin, as a browser writes it in `Origin`. */
const ownOrigin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/** preHandler: sets req.principal, or answers 401 (403 for a cookie request that fails the CSRF checks). */
export function authenticate(store: Store) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const header = req.headers.authorization;
    if (header !== undefined) {
      const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
      const p = token ? await store.authenticate(token) : undefined;
      if (!p) return unauthorized(reply, "the bearer token is not valid: unknown, malformed or revoked");
      req.principal = p;
      return;
    }
    const secret = req.cookies[SESSION_COOKIE];
    if (!secret) return unauthorized(reply, "sign in: send Authorization: Bearer <token>, or the cookie of POST /v1/session");
    const p = await store.sessionPrincipal(secret);
    if (!p) return unauthorized(reply, "the session has ended (expired, signed out or its token revoked): sign in again");
    if (!SAFE.has(req.method)) {
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== ownOrigin(req)) return forbidden(reply, `a request from ${origin} may not use this site's session`);
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !sameText(sent, csrfToken(secret))) {
        return forbidden(reply, `a request made with the session cookie needs the session's ${CSRF_HEADER} header`);
      }
    }
    req.principal = p;
    req.sessionSecret = secret;
  };
}

const DOES: Record<Permission, string> = {
  createDossier: "open dossiers",
  evaluate: "evaluate dossiers",
  readDossier: "read dossiers",
  exportDossier: "export dossiers",
  eraseDossier: "erase dossiers",
  recheck: "recheck evaluations",
  readAudit: "read the audit trail",
  savePlan: "save plans",
  readPlans: "read saved plans",
  erasePlan: "erase saved plans",
};

/** preHandler after authenticate: 403 for a role that may not (README "Accounts and roles"). */
export function allow(permission: Permission) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const role = req.principal!.role;
    if (!can(role, permission)) return forbidden(reply, `the ${role} role may not ${DOES[permission]}`);
  };
}
