import fc from "fast-check";
import { evaluate, listAids } from "@fne/engine";
import type { Result, WorkingStep } from "@fne/schema";
import { factsArb, dateArb } from "./packages/engine/test/arbitraries.ts";
const ID = [
  [/\b\w+@[\w-]+/g, "aid@version"],
  [/\b[a-z][a-z0-9]*_[a-z0-9_]+\b/g, "snake"],
  [/\b[a-z]+[A-Z][A-Za-z0-9]*\b/g, "camel"],
  [/\b\d{4}-\d{2}-\d{2}\b/g, "iso"],
  [/\blines? \d+/gi, "line"],
  [/\b[a-z]+-\d{4}(-\d+)*\b/g, "kebab"],
] as const;
const found = new Map<string, string>();
const scan = (where: string, t: string | null | undefined) => {
  if (!t) return;
  for (const [re, kind] of ID) for (const m of t.matchAll(re)) { const k = `${kind} ${m[0]} @${where}`; if (!found.has(k)) found.set(k, t.slice(0, 140)); }
};
const walk = (s: WorkingStep, lang: string) => { scan("working.label."+lang, s.label); scan("working.formula."+lang, s.formula); s.steps?.forEach((x) => walk(x, lang)); };
const seen = (r: Result, lang: string) => {
  r.reasons.forEach((x) => scan("reason."+lang, x.text));
  r.notes.forEach((x) => scan("note."+lang, x));
  r.entitlements?.forEach((x) => scan("ent."+lang, x));
  scan("authority."+lang, r.authority);
  r.periods.forEach((p) => scan("period."+lang, p.label));
  scan("title."+lang, r.title);
  r.missing.forEach((m) => found.set(`missing ${m}`, r.aid));
  Object.values(r.working ?? {}).forEach((w) => walk(w, lang));
  r.parameters?.forEach((p) => scan("paramref."+lang, p.reference ?? ""));
  if (lang === "en") { const fr = /[àâçéèêëîïôûù]|\b(le|la|les|du|des|et|ou)\b/; if (r.authority && fr.test(r.authority)) found.set("fr-in-en authority " + r.authority, r.aid); r.notes.forEach(n=>{ if (fr.test(n)) found.set("fr-in-en note "+n.slice(0,100), r.aid)}); r.reasons.forEach(n=>{ if (fr.test(n.text)) found.set("fr-in-en reason "+n.text.slice(0,100), r.aid)}); r.entitlements?.forEach(n=>{ if (fr.test(n)) found.set("fr-in-en ent "+n.slice(0,100), r.aid)}); }
};
for (const a of listAids()) {
  const from = a.versions[0]!.validFrom ?? "1960-01-01";
  const to = a.versions.at(-1)!.validTo ?? "2010-01-01";
  fc.assert(fc.property(dateArb("1960-01-01", "2010-12-31"), fc.boolean(), factsArb(a.facts as never), fc.integer({min:0,max:5}), (date, inRange, facts, drop) => {
    const d = inRange ? date < from ? from : date > to ? to : date : date;
    const f = Object.fromEntries(Object.entries(facts).filter((_, i) => i % 6 !== drop));
    for (const lang of ["fr", "en"] as const) {
      try { const r = evaluate({ aid: a.id, date: d, facts: f, lang }) as Result; seen(r, lang); } catch (e) { found.set("error " + (e as Error).message.slice(0, 120), a.id); }
    }
  }), { numRuns: 300 });
}
for (const [k, v] of [...found].sort()) console.log(k, "  ::", v);
