/**
 * The loaded rules as the generated documentation reads them (`pnpm docs`): each aid with its rule versions and the
 * dated parameters their formula reads, the article texts, the parameter series; and which article versions a
 * citation names over a stretch of dates (the same resolution as a Result's citations, articles.ts `cite`).
 */
import type { AidFile, ArticleFile, Citation, CitationRef, RuleVersionFile } from "@fne/schema";
import { cite } from "./articles.ts";
import type { Runtime } from "./load.ts";
import type { ParameterSeries, ParameterStep } from "./parameters.ts";

export type { ParameterSeries, ParameterStep };

export interface AidRules {
  def: AidFile;
  versions: Array<{ file: RuleVersionFile; parameters: readonly string[] }>;
}

/** Every aid with its versions, in catalog order, and the parameters each version's formula declares it reads. */
export const aidRules = (rt: Runtime): AidRules[] =>
  [...rt.aids.values()].map(({ def, versions }) => ({ def, versions: versions.map((v) => ({ file: v.file, parameters: v.formula.reads.parameters })) }));

export const articleFiles = (rt: Runtime): ArticleFile[] => [...rt.articles.values()];

export const parameterSeries = (rt: Runtime, id: string): ParameterSeries | undefined => rt.parameters.get(id);

/**
 * The article versions `ref` cites for a case dated from `from` to `to` (inclusive; null: open): one Citation per
 * version a Result of those dates can print, in date order.
 */
export function citedVersions(rt: Runtime, ref: CitationRef, from: string | null, to: string | null): Citation[] {
  const article = rt.articles.get(ref.article);
  if (!article) return [];
  // A citation pinned to a date (asOf) names one version whatever the case date.
  if (ref.asOf) return [cite(rt.articles, ref, ref.asOf)];
  const start = from ?? "0001-01-01";
  const dates = [start, ...article.versions.map((v) => v.from).filter((d): d is string => d !== null && d > start && (to === null || d <= to))];
  const out: Citation[] = [];
  for (const d of dates) {
    const c = cite(rt.articles, ref, d);
    if (!out.some((x) => x.from === c.from && x.to === c.to)) out.push(c);
  }
  return out;
}
