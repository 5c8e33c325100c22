/**
 * pnpm calc --article ID [--date D]: the law timeline of one article (rules/articles).
 * With a date: the version in force then (id, title, validity, text, successor); without: every version.
 * An unknown article or a date no version covers is an Error naming "article" or "date" and listing what exists.
 */
import { getArticle, getArticleTimeline, InputError, listArticles } from "@fne/engine";
import { IsoDate } from "@fne/schema";

const span = (v: { from: string | null; to: string | null }) => `${v.from ?? "…"} → ${v.to ?? "…"}`;

export function article(id: string, date: string | undefined) {
  const timeline = getArticleTimeline(id);
  if (!timeline) {
    const message = `unknown article "${id}"; known: ${listArticles().join(", ")}`;
    throw new InputError("not_found", message, [{ path: "article", message }]);
  }
  if (date === undefined) return timeline;
  if (!IsoDate.safeParse(date).success) throw new InputError("invalid_case", `invalid date "${date}": expected YYYY-MM-DD`, [{ path: "date", message: "expected a calendar date YYYY-MM-DD" }]);
  const at = getArticle(id, date)!;
  if (!at.version) {
    const message = `no version of ${id} is in force on ${date}; versions: ${at.versions.map(span).join(", ")}`;
    throw new InputError("not_found", message, [{ path: "date", message }]);
  }
  return at;
}
