/** Article versions (rules/articles): the texts, their validity and successors; citations resolve here. */
import type { ArticleFile, ArticleVersion, CitationRef, Citation } from "@fne/schema";

export type ArticleRegistry = ReadonlyMap<string, ArticleFile>;

const inForce = (v: ArticleVersion, date: string) => (v.from === null || v.from <= date) && (v.to === null || date <= v.to);

/** The version in force at `date`, or undefined. */
export function articleVersionAt(a: ArticleFile, date: string): ArticleVersion | undefined {
  return a.versions.find((v) => inForce(v, date));
}

/** The version in force at `date`, else the nearest one (a rule may outlive the wording we hold). */
function nearestVersion(a: ArticleFile, date: string): ArticleVersion {
  const exact = articleVersionAt(a, date);
  if (exact) return exact;
  const first = a.versions[0]!;
  return first.from !== null && date < first.from ? first : a.versions[a.versions.length - 1]!;
}

export function cite(articles: ArticleRegistry, ref: CitationRef, date: string): Citation {
  const a = articles.get(ref.article);
  if (!a) throw new Error(`citation of unknown article ${ref.article}`);
  const v = nearestVersion(a, ref.asOf ?? date);
  const c: Citation = { article: ref.article, from: v.from, to: v.to };
  if (ref.paragraph !== undefined) c.paragraph = ref.paragraph;
  if (ref.point !== undefined) c.point = ref.point;
  return c;
}

/** Dates at which any of these articles changes version: a rule's citations are resolved per segment. */
export function versionBreaks(articles: ArticleRegistry, refs: Iterable<CitationRef>): string[] {
  const breaks = new Set<string>();
  for (const r of refs) for (const v of articles.get(r.article)?.versions ?? []) if (v.from) breaks.add(v.from);
  return [...breaks].sort();
}
