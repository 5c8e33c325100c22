/** The page's state in the URL hash: "#plan" or "#case?date=…&aid=…&lang=…&f.<fact>=…" (shareable, reloadable). */
export type View = "case" | "plan";

export function readHash(hash: string): { view: View; query: string } {
  const [path = "", query = ""] = hash.replace(/^#/, "").split("?", 2);
  return { view: path === "plan" ? "plan" : "case", query };
}

export const writeHash = (view: View, query = "") => `#${view}${query ? `?${query}` : ""}`;
