/**
 * The words a caseworker reads where the engine speaks in ids: an article version ("R322-6, version de 1963", not
 * `atd@R322-6`), a text cited by its id ("arrêté du 20 avril 1999", not `arrete-1999-04-20`), units ("h/mois" →
 * "h/month"), who decides, and the explanation texts with their dates in words and no code names of facts.
 * Built only from what the engine exposes (the aids' descriptions and each Result), in the form's bundle: no engine
 * here, so the widget shows the same words.
 */
import type { AidDescription, Citation, Text } from "@fne/schema";
import { formatDate } from "./dates.ts";
import type { Lang } from "./i18n.ts";
import { formatDecimal } from "./money.ts";

const ISO_DATE = /\b(\d{4}-\d{2}-\d{2})\b/g;

/** Every ISO date of a text written in words: "le 1960-01-01" → "le 1er janvier 1960". */
export const datesInWords = (text: string, lang: Lang) => text.replace(ISO_DATE, (d) => formatDate(d, lang));

/** The year of an ISO date. */
const year = (iso: string) => iso.slice(0, 4);

/**
 * A text the rules cite by an id that is not a Code du travail article (rules/articles): "arrete-1999-04-20",
 * "loi-2003-775-art-18", "accord-crp-2005-04". Code articles ("R322-6", "L321-4-2") are named as the Code names them.
 */
export function articleName(id: string, lang: Lang): string {
  const arrete = /^arrete-(\d{4}-\d{2}-\d{2})$/.exec(id);
  if (arrete) return `${lang === "fr" ? "arrêté du" : "arrêté of"} ${formatDate(arrete[1]!, lang)}`;
  const loi = /^loi-(\d{4})-(\d+)(?:-art-(\w+))?$/.exec(id);
  if (loi) return `${lang === "fr" ? "loi n°\u00a0" : "Law no.\u00a0"}${loi[1]}-${loi[2]}${loi[3] ? `, art.\u00a0${loi[3]}` : ""}`;
  const accord = /^accord-([a-z]+)-(\d{4})-(\d{2})$/.exec(id);
  if (accord) {
    const month = formatDate(`${accord[2]}-${accord[3]}-01`, lang).replace(/^1(er)? /, "");
    return lang === "fr" ? `accord ${accord[1]!.toUpperCase()} d'${month}`.replace(/d'([^aeiouyéè])/i, "de $1") : `${accord[1]!.toUpperCase()} agreement of ${month}`;
  }
  return id;
}

/** "R322-6, al. 1" / "R322-6, para. 1"; "arrêté du 12 avril 1994". */
export const citationLabel = (c: Pick<Citation, "article" | "paragraph" | "point">, lang: Lang) =>
  `${articleName(c.article, lang)}${c.paragraph ? `, ${lang === "fr" ? "al." : "para."} ${c.paragraph}` : ""}${c.point ? ` ${c.point}` : ""}`;

/** The dates of an article version in words: "du 7 septembre 1977 au 23 juillet 1983", "jusqu'au 30 avril 2008". */
export function versionSpan(from: string | null, to: string | null, lang: Lang): string {
  const f = from && formatDate(from, lang);
  const t = to && formatDate(to, lang);
  if (lang === "fr") return f && t ? `du ${f} au ${t}` : f ? `depuis le ${f}` : t ? `jusqu'au ${t}` : "sans date connue";
  return f && t ? `from ${f} to ${t}` : f ? `since ${f}` : t ? `until ${t}` : "no known dates";
}

/** The version of an article a citation names: "version en vigueur jusqu'au 30 avril 2008". */
export const citationVersion = (c: Pick<Citation, "from" | "to">, lang: Lang) =>
  `${lang === "fr" ? "version en vigueur" : "version in force"} ${versionSpan(c.from, c.to, lang)}`;

/** The article a rule version is named after: "atd@R322-6" → R322-6; "prp@L322-4-3" (L322-4, 3°) → L322-4. */
function versionArticle(id: string, legalBasis: string[]): string {
  const suffix = id.slice(id.indexOf("@") + 1);
  if (legalBasis.includes(suffix)) return suffix;
  const prefixes = legalBasis.filter((a) => suffix.startsWith(`${a}-`)).sort((a, b) => b.length - a.length);
  return prefixes[0] ?? legalBasis[0] ?? suffix;
}

/**
 * A rule version as a caseworker names it: "R322-6, version de 1963" / "R322-6, 1963 version" (the article and the
 * year the version starts), from the aid's description; with `span`, its dates too.
 */
export function versionLabel(versionId: string, aids: readonly AidDescription[], lang: Lang, span = false): string {
  const aidId = versionId.slice(0, versionId.indexOf("@"));
  const v = aids.find((a) => a.id === aidId)?.versions.find((x) => x.id === versionId);
  if (!v) return articleName(versionId.slice(versionId.indexOf("@") + 1), lang);
  const article = articleName(versionArticle(v.id, v.legalBasis), lang);
  const named = v.validFrom ? (lang === "fr" ? `${article}, version de ${year(v.validFrom)}` : `${article}, ${year(v.validFrom)} version`) : article;
  return span ? `${named} (${versionSpan(v.validFrom, v.validTo, lang)})` : named;
}

/** Units: of a fact (rules/<aid>/aid.json, written in French) and of a step of the working (CONTRACT.md). */
const UNITS: Record<string, { fr: [string, string]; en: [string, string] }> = {
  "h/mois": { fr: ["h/mois", "h/mois"], en: ["h/month", "h/month"] },
  "h/sem.": { fr: ["h/sem.", "h/sem."], en: ["h/week", "h/week"] },
  h: { fr: ["h", "h"], en: ["h", "h"] },
  hour: { fr: ["h", "h"], en: ["h", "h"] },
  km: { fr: ["km", "km"], en: ["km", "km"] },
  mois: { fr: ["mois", "mois"], en: ["month", "months"] },
  month: { fr: ["mois", "mois"], en: ["month", "months"] },
  ans: { fr: ["an", "ans"], en: ["year", "years"] },
  year: { fr: ["an", "ans"], en: ["year", "years"] },
  jours: { fr: ["jour", "jours"], en: ["day", "days"] },
  day: { fr: ["jour", "jours"], en: ["day", "days"] },
  week: { fr: ["semaine", "semaines"], en: ["week", "weeks"] },
  salariés: { fr: ["salarié", "salariés"], en: ["employee", "employees"] },
  employee: { fr: ["salarié", "salariés"], en: ["employee", "employees"] },
};

/** A unit in `lang`, singular for a count of one (or less), plural otherwise (the plural without a count). */
export function unitWord(unit: string, lang: Lang, count?: number): string {
  const u = UNITS[unit];
  if (!u) return unit;
  return u[lang][count !== undefined && Math.abs(count) <= 1 ? 0 : 1];
}

/** "6 mois", "169 h", "1 an", "2 years": a number (already written for `lang`) with its unit, agreed with `count`. */
export const quantity = (written: string, count: number, unit: string, lang: Lang) => `${written}\u00a0${unitWord(unit, lang, count)}`;

/** A count with its unit: 6 → "6 mois" / "6 months". */
export const count = (n: number, unit: string, lang: Lang) => quantity(formatDecimal(String(n), lang), n, unit, lang);

/**
 * Who decides, as the rules print it (in French: "préfet", "ministre chargé du travail", a département's préfet).
 * In English, the same offices with the English wording of the rules' own texts ("the labour minister", "préfet").
 */
export function authorityText(who: string, lang: Lang): string {
  if (lang === "fr") return who;
  return who
    .replace(/^préfet ou ministre chargé du travail, selon le champ de la convention$/, "préfet or labour minister, depending on the convention's scope")
    .replace(/^préfet du département du lieu de travail$/, "préfet of the workplace's département")
    .replace(/^préfet du département (.+)$/, "préfet of département $1")
    .replace(/ministre chargé du travail/g, "labour minister");
}

/**
 * Labels only the engine's rules hold (GET /v1/aids does not carry them): a dated parameter's
 * ("minimum_garanti" → "Minimum garanti (L141-8)") and a Result's detail's ("noticePay"). The web app has the engine
 * in the page and gives them; the widget with the API goes without.
 */
export interface EngineNames {
  parameter(id: string): Text | undefined;
  detail(aid: string, key: string): Text | undefined;
}

/** What the words of one Result are drawn from. */
export interface WordsContext {
  aids: readonly AidDescription[];
  /** The aid of the text: its facts and amounts first. */
  aid?: AidDescription | undefined;
  names?: EngineNames | undefined;
}

/** What `missing` names that the caseworker cannot enter: a text (article, arrêté) or a dated value (parameter). */
export type MissingEntry = { kind: "fact"; label: string } | { kind: "text"; label: string } | { kind: "value"; label: string };

const CODE_ARTICLE = /^[LRD]\d+(-\d+)*$/;
const TEXT_ID = /^(arrete|loi|decret|accord)-/;

/**
 * One name of a Result's `missing`, in words: a fact by its label; a text the sources lack ("R322-7",
 * "arrete-1999-04-20") as "the wording of R322-7 in force at that date" or "arrêté du 20 avril 1999"; a dated
 * parameter by its label (from the engine) or, failing that, its id in words.
 */
export function missingEntry(name: string, aid: AidDescription | undefined, lang: Lang, names?: EngineNames): MissingEntry {
  const fact = aid && Object.hasOwn(aid.facts, name) ? aid.facts[name] : undefined;
  if (fact) return { kind: "fact", label: fact.label[lang] };
  if (CODE_ARTICLE.test(name)) return { kind: "text", label: lang === "fr" ? `le texte de l'article ${name} en vigueur à cette date` : `the wording of article ${name} in force on that date` };
  if (TEXT_ID.test(name)) return { kind: "text", label: articleName(name, lang) };
  const p = names?.parameter(name);
  return { kind: "value", label: p ? p[lang] : name.replace(/_/g, " ") };
}

/** Names of facts and amounts in a text: camelCase ("priorHourlyWage") or snake_case ("farmer_mutation"). */
const CODE_NAME = /\b[a-z][a-z0-9]*(?:[A-Z][A-Za-z0-9]*|_[a-z0-9_]+)\b/g;

/**
 * An explanation text of the engine (a note, a condition, a period, a step of the working) as a caseworker reads it:
 * dates in words, a rule version by its article and year, each fact, amount or choice named by its label where the
 * text uses its code name (and a code name in parentheses, which only repeats the words before it, left out), a
 * reference to the project's own files as "our documentation", and the colon spaced as each language spaces it.
 */
export function plainText(text: string, lang: Lang, { aids, aid, names }: WordsContext): string {
  // The text's own aid first: a name means what its aid means by it.
  const labels = new Map<string, string>();
  const set = (k: string, t: Text | undefined) => t && !labels.has(k) && labels.set(k, t[lang]);
  for (const a of aid ? [aid, ...aids] : aids) {
    for (const [k, f] of Object.entries(a.facts)) {
      set(k, f.label);
      if (f.type === "enum") for (const [v, l] of Object.entries(f.valueLabels ?? {})) set(v, l);
    }
    for (const [k, d] of Object.entries(a.amounts)) set(k, d.label);
  }
  const label = (name: string) => labels.get(name) ?? (aid && names?.detail(aid.id, name)?.[lang]) ?? names?.parameter(name)?.[lang];
  const quote = (s: string) => (lang === "fr" ? `«\u00a0${s}\u00a0»` : `“${s}”`);
  let t = text
    .replace(/\b([a-z][a-z0-9_]*@[A-Za-z0-9-]+)/g, (v) => versionLabel(v, aids, lang))
    .replace(/ \((?:DOMAIN|CONTRACT)\.md\)/g, "")
    .replace(/\b(?:DOMAIN|CONTRACT)\.md\b/g, lang === "fr" ? "notre documentation" : "our documentation")
    // "(noticePay)" after the words it names; "(fait outsideL3223 ; …)" → "(« label » ; …)"
    .replace(/ \([a-z][a-z0-9]*(?:[A-Z][A-Za-z0-9]*|_[a-z0-9_]+)\)/g, "")
    // "(série rules/parameters/minimum_garanti.json)", "(paramètre minimum_garanti)": where the value comes from, for developers
    .replace(/ \((?:série|series|paramètre|parameter) [^)]*\)/g, "")
    // ", sauf valeur fournie dans « parameters »": the API's overrides, which the form does not offer
    .replace(/,[^,;.]*(?:«\s?parameters\s?»|"parameters")/g, "")
    .replace(/\b(?:fait|fact) ([a-z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)/g, (m, name: string) => (label(name) ? quote(label(name)!) : m))
    .replace(CODE_NAME, (name) => (label(name) ? quote(label(name)!) : name));
  t = datesInWords(t, lang);
  t = lang === "fr" ? t.replace(/([\p{L})]):(?= )/gu, "$1\u00a0:") : t.replace(/ :(?= )/g, ":");
  return t;
}
