/**
 * Tokens and session cookies. Only SHA-256 hashes of their secrets are stored (the secrets are 256 random bits:
 * a slow password hash would add nothing), and hashes are compared in constant time.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** A bearer token: `fne_<token id, 32 hex>_<secret, 43 base64url>`. The id finds the row; the secret proves it. */
const TOKEN = /^fne_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export function newToken(): { id: string; token: string; secretHash: string } {
  const id = randomUUID();
  const secret = randomBytes(32).toString("base64url");
  return { id, token: `fne_${id.replaceAll("-", "")}_${secret}`, secretHash: sha256(secret) };
}

/** The token's id (a uuid) and the hash of its secret; undefined when it is not shaped like a token. */
export function readToken(token: string): { id: string; secretHash: string } | undefined {
  const m = TOKEN.exec(token);
  if (!m) return undefined;
  const h = m[1]!;
  const id = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  return { id, secretHash: sha256(m[2]!) };
}

/** Two SHA-256 hex hashes, compared in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === 32 && y.length === 32 && timingSafeEqual(x, y);
}

/** A session: the cookie carries the secret, the database its hash. */
export function newSession(): { secret: string; secretHash: string } {
  const secret = randomBytes(32).toString("base64url");
  return { secret, secretHash: sha256(secret) };
}

export const sessionHash = (secret: string) => sha256(secret);

/**
 * The CSRF token of a session, derived from its secret: the page reads it from the sign-in answer (the cookie
 * itself is HttpOnly) and sends it in a header; another site can neither read it nor set that header.
 */
export const csrfToken = (sessionSecret: string) => createHash("sha256").update(`csrf\0${sessionSecret}`).digest("base64url");

export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
