/**
 * The security headers of every answer of the API and every page of the web app: one policy, applied by the API's
 * onSend hook (apps/api/src/security.ts) and by the web app's preview server (apps/web/vite.config.ts).
 * - Scripts come from the page's own origin only: never inline, never eval (the engine compiles its conditions
 *   with `new Function` where a page allows it, and falls back to closures, same answers, where it does not).
 * - Styles may be inline: the calculator's CSS is a <style> element, which must also work inside a shadow root.
 * - No page may be framed, except the iframe mode's embed.html: by the app's own origin, and by the sites of
 *   VITE_EMBED_ORIGINS or, when that list is empty, by any https: site (README, "Iframe mode").
 */

/** What is answered: JSON of the API, the /docs reference page, a page of the web app, the iframe mode's page. */
export type PageKind = "api" | "docs" | "app" | "embed";

export interface PolicyOptions {
  /** Sites that may frame embed.html (origins); empty: any https: site. */
  embedOrigins?: readonly string[];
  /** Other origins the web app may call (the API when VITE_API_URL points elsewhere). */
  connect?: readonly string[];
}

const csp = (directives: Record<string, string>) =>
  Object.entries(directives)
    .map(([k, v]) => `${k} ${v}`)
    .join("; ");

/** Every answer: no MIME sniffing, no referrer to other sites. */
const COMMON = { "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" } as const;

export function securityHeaders(kind: PageKind, options: PolicyOptions = {}): Record<string, string> {
  if (kind === "api") {
    return { ...COMMON, "Content-Security-Policy": csp({ "default-src": "'none'", "frame-ancestors": "'none'", "base-uri": "'none'", "form-action": "'none'" }), "X-Frame-Options": "DENY" };
  }
  if (kind === "docs") {
    const docs = csp({
      "default-src": "'none'",
      "script-src": "'self'",
      "style-src": "'self' 'unsafe-inline'",
      "img-src": "'self' data:",
      "connect-src": "'self'",
      "frame-ancestors": "'none'",
      "base-uri": "'none'",
      "form-action": "'none'",
    });
    return { ...COMMON, "Content-Security-Policy": docs, "X-Frame-Options": "DENY", "Cross-Origin-Opener-Policy": "same-origin" };
  }
  const embedders = options.embedOrigins?.length ? options.embedOrigins.join(" ") : "https:";
  const page = csp({
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "connect-src": ["'self'", ...(options.connect ?? [])].join(" "),
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": kind === "embed" ? `'self' ${embedders}` : "'none'",
  });
  return kind === "embed"
    ? { ...COMMON, "Content-Security-Policy": page }
    : { ...COMMON, "Content-Security-Policy": page, "X-Frame-Options": "DENY", "Cross-Origin-Opener-Policy": "same-origin" };
}

/** The kind of a path served by the web app (or by the API serving it): embed.html is the only framable page. */
export const pageKind = (path: string): PageKind => (/(^|\/)embed\.html$/.test(path) ? "embed" : "app");

/** VITE_EMBED_ORIGINS (comma-separated origins) as a list; the same variable the embed page is built with. */
export const embedOrigins = (value: string | undefined): string[] =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
