/** What the calculator knows, for forms, the API and the law timeline: aids, article versions, parameters. */
import type { AidDescription, ArticleAtDate, ArticleFile, ParameterAtDate } from "@fne/schema";
import { articleVersionAt } from "./articles.ts";
import type { Runtime } from "./load.ts";
import { inCurrency, stepAt } from "./parameters.ts";
import { currencyAt } from "./decimal.ts";

export type { AidDescription, ArticleAtDate, ParameterAtDate };

export function describeAids(rt: Runtime): AidDescription[] {
  return [...rt.aids.values()].map(({ def, versions }) => ({
    id: def.id,
    title: def.title,
    description: def.description,
    facts: def.facts,
    amounts: def.amounts,
    versions: versions.map(({ file }) => ({
      id: file.id,
      validFrom: file.validFrom,
      validTo: file.validTo,
      legalBasis: file.legalBasis.map((b) => b.article),
      ...(file.successor ? { successor: { articles: file.successor.articles, from: file.successor.from } } : {}),
    })),
  }));
}

export function articleAt(rt: Runtime, id: string, date: string): ArticleAtDate | undefined {
  const a = rt.articles.get(id);
  if (!a) return undefined;
  return {
    id: a.id,
    title: a.title,
    date,
    version: articleVersionAt(a, date) ?? null,
    versions: a.versions.map((v) => ({ from: v.from, to: v.to })),
    successor: a.successor ?? null,
  };
}

export function parameterAt(rt: Runtime, id: string, date: string): ParameterAtDate | undefined {
  const s = rt.parameters.get(id);
  if (!s) return undefined;
  const step = stepAt(s, date);
  const money = s.unit.startsWith("currency");
  const currency = money ? currencyAt(date) : null;
  return {
    id,
    description: s.description,
    unit: s.unit,
    source: s.source,
    date,
    value: step ? (currency ? inCurrency(step, currency) : step.value).toString() : null,
    currency: step ? currency : null,
    from: step?.from ?? null,
    reference: step?.reference ?? null,
  };
}

/** Every version of an article, in order (the law timeline of `pnpm calc --article ID`). */
export const articleTimeline = (rt: Runtime, id: string): ArticleFile | undefined => rt.articles.get(id);
