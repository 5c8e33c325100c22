/**
 * Which origin the iframe mode (embed.html) may tell its height to. `parentOrigin` comes from the page's URL, which
 * the framing site writes: it is only an origin the page already trusts.
 * - exactly an origin (`https://host[:port]`, nothing after it but one "/"), http: or https: (never javascript:,
 *   data:, file:, … whose origin is opaque);
 * - in VITE_EMBED_ORIGINS when the app is built with that list; without one, any https: origin, and always the
 *   app's own origin (a page of the same site);
 * - the actual parent, where the browser says which it is (location.ancestorOrigins): a site cannot name another.
 * The same list, on the server, is the frame-ancestors policy of embed.html (packages/schema/src/headers.ts).
 */
export interface EmbedContext {
  /** The sites allowed to embed the calculator (VITE_EMBED_ORIGINS); empty: any https: site. */
  allowed: readonly string[];
  /** This page's own origin. */
  self: string;
  /** The framing page's origin when the browser exposes it (location.ancestorOrigins[0]). */
  ancestor?: string | undefined;
}

export function parentOriginFrom(value: string | null, { allowed, self, ancestor }: EmbedContext): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const origin = url.origin;
  if ((url.protocol !== "https:" && url.protocol !== "http:") || (value !== origin && value !== `${origin}/`)) return undefined;
  const trusted = origin === self || (allowed.length ? allowed.includes(origin) : url.protocol === "https:");
  if (!trusted) return undefined;
  if (ancestor !== undefined && ancestor !== origin) return undefined;
  return origin;
}
