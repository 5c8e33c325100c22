/**
 * The case as the form holds it (every value as typed), turned into a contract Case, and kept in a query
 * string ("?date=1996-03-01&aid=atd&lang=fr&f.priorHourlyWage=60.00") so that a case can be shared and reloaded.
 */
import type { AidDescription } from "@fne/engine";
import { INPUT_LIMITS, type CaseInput, type FactDef } from "@fne/schema";
import type { Lang } from "./i18n.ts";

export interface CaseDraft {
  date: string;
  /** One aid id, or "" to screen every aid. */
  aid: string;
  lang: Lang;
  /** Fact values as typed; "" = not given. */
  facts: Record<string, string>;
}

export const emptyDraft = (lang: Lang = "fr"): CaseDraft => ({ date: "", aid: "", lang, facts: {} });

export interface FactField {
  name: string;
  def: FactDef;
  /** The aids that ask this fact. */
  aids: string[];
}

/** The facts the form asks: those of the aid, or of every aid (each once) when screening. */
export function factFields(aids: AidDescription[], aid: string): FactField[] {
  const fields = new Map<string, FactField>();
  for (const a of aids) {
    if (aid !== "" && a.id !== aid) continue;
    for (const [name, def] of Object.entries(a.facts)) {
      const f = fields.get(name);
      if (f) f.aids.push(a.id);
      else fields.set(name, { name, def, aids: [a.id] });
    }
  }
  return [...fields.values()];
}

/** A typed value as the contract wants it: booleans as true/false, decimal commas as points; "" is left out. */
function factValue(def: FactDef, raw: string): string | boolean | undefined {
  const v = raw.trim();
  if (v === "") return undefined;
  switch (def.type) {
    case "boolean":
      return v === "true" ? true : v === "false" ? false : v;
    case "money":
    case "number":
      // "1 234,50" → "1234.50"; anything else is sent as typed so that the engine names the field.
      return /^-?[\d\s\u202f\u00a0]+(,\d+)?$/.test(v) ? v.replace(/[\s\u202f\u00a0]/g, "").replace(",", ".") : v;
    default:
      return v;
  }
}

/** The contract Case for this draft: only the facts the chosen aid (or the screening) asks. */
export function caseFromDraft(draft: CaseDraft, fields: FactField[]): CaseInput {
  const facts: Record<string, string | boolean> = {};
  for (const { name, def } of fields) {
    const v = factValue(def, draft.facts[name] ?? "");
    if (v !== undefined) facts[name] = v;
  }
  return { ...(draft.aid ? { aid: draft.aid } : {}), date: draft.date, facts, lang: draft.lang };
}

const FACT = "f.";

export function draftToQuery(draft: CaseDraft, fields: FactField[]): string {
  const q = new URLSearchParams();
  if (draft.date) q.set("date", draft.date);
  if (draft.aid) q.set("aid", draft.aid);
  q.set("lang", draft.lang);
  for (const { name, def } of fields) {
    const v = factValue(def, draft.facts[name] ?? "");
    if (v !== undefined) q.set(FACT + name, String(v));
  }
  return q.toString();
}

/**
 * A shared link read back. A link is anyone's to write: each value is kept to INPUT_LIMITS.textLength characters
 * and one more (no fact's value is that long, so a longer one stays refused, and the engine names its field, as
 * for a value typed in the form), and at most INPUT_LIMITS.facts facts are read: no link can make the page
 * work on a hundred thousand digits.
 */
export function draftFromQuery(query: string, fallbackLang: Lang = "fr"): CaseDraft {
  const q = new URLSearchParams(query);
  const bound = (v: string) => v.slice(0, INPUT_LIMITS.textLength + 1);
  const entries: Array<[string, string]> = [];
  for (const [k, v] of q) if (k.startsWith(FACT) && entries.length < INPUT_LIMITS.facts) entries.push([bound(k.slice(FACT.length)), bound(v)]);
  const lang = q.get("lang");
  // Object.fromEntries defines own properties: a link's "f.__proto__" is a name like any other, not the prototype.
  return { date: bound(q.get("date") ?? ""), aid: bound(q.get("aid") ?? ""), lang: lang === "en" || lang === "fr" ? lang : fallbackLang, facts: Object.fromEntries(entries) };
}
