/**
 * The page's state in the URL hash: "#plan?lang=en", "#case?date=…&aid=…&lang=…&f.<fact>=…" (shareable, reloadable),
 * "#dossiers?lang=fr" (the list) or "#dossiers?id=…&lang=fr" (one dossier), "#plans" (the saved plans) or
 * "#plans?id=…" (one), "#guided?date=…&aid=…&f.<fact>=…" (guided questions, the facts in the order asked).
 * Every view keeps the language.
 */
import type { Lang } from "@fne/ui";

export type View = "case" | "plan" | "dossiers" | "plans" | "guided";

const VIEWS: readonly View[] = ["plan", "dossiers", "plans", "guided"];

export function readHash(hash: string): { view: View; query: string } {
  const [path = "", query = ""] = hash.replace(/^#/, "").split("?", 2);
  return { view: VIEWS.find((v) => v === path) ?? "case", query };
}

export const writeHash = (view: View, query = "") => `#${view}${query ? `?${query}` : ""}`;

/** The dossier open in "#dossiers?id=…". */
export const dossierOf = (query: string): string | undefined => new URLSearchParams(query).get("id") ?? undefined;

/** The saved plan open in "#plans?id=…". */
export const savedPlanOf = dossierOf;

/** The language a query names, if it names one. */
export function langOf(query: string): Lang | undefined {
  const lang = new URLSearchParams(query).get("lang");
  return lang === "fr" || lang === "en" ? lang : undefined;
}

/** The query with its language set (the other parameters kept, in their order). */
export function withLang(query: string, lang: Lang): string {
  const q = new URLSearchParams(query);
  q.set("lang", lang);
  return q.toString();
}
