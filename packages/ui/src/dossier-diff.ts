/**
 * What changed between two stored evaluations of a dossier, as lines a caseworker reads: the case (date, aid,
 * each fact), the rules version, and for each aid its status and each amount.
 */
import type { AidDescription } from "@fne/engine";
import type { Evaluation, FactDef, Result } from "@fne/schema";
import { formatDate } from "./dates.ts";
import { dt } from "./dossier-text.ts";
import { pick, tr, type Lang } from "./i18n.ts";
import { formatMoney, formatDecimal } from "./money.ts";
import { quantity } from "./words.ts";

export interface DiffLine {
  key: string;
  label: string;
  before: string;
  after: string;
}

const resultsOf = (e: Evaluation): Result[] => ("results" in e.result ? e.result.results : [e.result]);

interface StoredCase {
  date?: unknown;
  aid?: unknown;
  facts?: Record<string, unknown>;
}

/** A fact's value in words: Oui/Non, the enum's label, money, a date in words, a number with its unit. */
export function factText(value: unknown, def: FactDef | Pick<FactDef, "type"> | undefined, lang: Lang, currency: "FRF" | "EUR"): string {
  const type = def?.type;
  if (value === undefined || value === null || value === "") return dt(lang, "notGiven");
  if (typeof value === "boolean") return tr(lang, value ? "yes" : "no");
  const s = String(value);
  if (def && def.type === "enum" && "values" in def) return pick(lang, def.valueLabels?.[s]) || s;
  if (type === "money" && /^-?\d+(\.\d+)?$/.test(s)) return formatMoney(s, currency, lang);
  if (type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(s)) return formatDate(s, lang);
  if (typeof value === "number" || /^-?\d+(\.\d+)?$/.test(s)) {
    const unit = def && def.type === "number" && "unit" in def ? def.unit : undefined;
    return unit ? quantity(formatDecimal(s, lang), Number(s), unit, lang) : formatDecimal(s, lang);
  }
  return s;
}

function amountText(value: unknown, type: string | undefined, r: Result | undefined, lang: Lang): string {
  if (value === undefined) return "—";
  if (type === "money" && typeof value === "string" && r) return formatMoney(value, r.currency, lang);
  return factText(value, type === undefined ? undefined : { type: type === "boolean" || type === "date" || type === "money" ? type : "string" }, lang, r?.currency ?? "EUR");
}

export function diffEvaluations(a: Evaluation, b: Evaluation, aids: AidDescription[], lang: Lang): DiffLine[] {
  const byId = new Map(aids.map((x) => [x.id, x]));
  const lines: DiffLine[] = [];
  const push = (key: string, label: string, before: string, after: string) => {
    if (before !== after) lines.push({ key, label, before, after });
  };
  const ca = a.case as StoredCase;
  const cb = b.case as StoredCase;
  const aidTitle = (id: unknown) => (typeof id === "string" ? pick(lang, byId.get(id)?.title) || id : dt(lang, "screening"));
  push("rulesVersion", dt(lang, "rulesVersion"), a.rulesVersion, b.rulesVersion);
  push("date", dt(lang, "caseDate"), formatDate(String(ca.date ?? ""), lang), formatDate(String(cb.date ?? ""), lang));
  push("aid", tr(lang, "aid"), aidTitle(ca.aid), aidTitle(cb.aid));

  const factDef = (name: string) => aids.map((x) => x.facts[name]).find(Boolean);
  const currencyOf = (c: StoredCase) => (String(c.date ?? "") < "2002-01-01" ? "FRF" : "EUR");
  const names = [...new Set([...Object.keys(ca.facts ?? {}), ...Object.keys(cb.facts ?? {})])];
  for (const name of names) {
    const def = factDef(name);
    push(`fact:${name}`, pick(lang, def?.label) || name, factText(ca.facts?.[name], def, lang, currencyOf(ca)), factText(cb.facts?.[name], def, lang, currencyOf(cb)));
  }

  const ra = new Map(resultsOf(a).map((r) => [r.aid, r]));
  const rb = new Map(resultsOf(b).map((r) => [r.aid, r]));
  for (const id of [...new Set([...ra.keys(), ...rb.keys()])]) {
    const x = ra.get(id);
    const y = rb.get(id);
    const aid = byId.get(id);
    const title = x?.title ?? y?.title ?? id;
    push(`status:${id}`, `${title} — ${dt(lang, "status")}`, x ? tr(lang, x.status) : "—", y ? tr(lang, y.status) : "—");
    for (const k of [...new Set([...Object.keys(x?.amounts ?? {}), ...Object.keys(y?.amounts ?? {})])]) {
      const def = aid?.amounts[k];
      if (!def) continue;
      push(`amount:${id}:${k}`, `${title} — ${pick(lang, def.label)}`, amountText(x?.amounts[k], def.type, x, lang), amountText(y?.amounts[k], def.type, y, lang));
    }
  }
  return lines;
}
