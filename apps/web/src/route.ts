/**
 * The page's state in the URL hash: "#plan", "#case?date=…&aid=…&lang=…&f.<fact>=…" (shareable, reloadable),
 * "#dossiers" (the list) or "#dossiers?id=…" (one dossier), "#plans" (the saved plans) or "#plans?id=…" (one),
 * "#guided?date=…&aid=…&f.<fact>=…" (guided questions, the facts in the order asked).
 */
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
