/**
 * What no screen may show, in one place for the component tests (jsdom) and the browser tests (chromium):
 * internal ids and code names, and words of the other language.
 *
 * An internal id is any of:
 * - a rule version id `aid@version` ("atd@R322-6");
 * - a snake_case id: an aid ("mobility_transfer"), a parameter ("minimum_garanti"), a choice ("job_seeker"), a status ("no_law");
 * - a camelCase code name of a fact or an amount ("priorHourlyWage", "employerTotal");
 * - an ISO date ("1996-03-01": dates are written in words, "1er mars 1996");
 * - a reference to a line of a source file ("Old lines 18325-18331", "line 15913") or a file name ("DOMAIN.md");
 * - a text id of the rules ("arrete-1999-04-20", "loi-2003-775-art-18", "accord-crp-2005-04");
 * - a contract path ("facts.newHourlyWage", "employees.3.facts.x") or a condition's id ("atd.pay-drop").
 * The Code du travail's own article numbers ("R322-6", "L321-4-2") are references a caseworker uses, not ids.
 */
import { dossierWords } from "../src/dossier-text.ts";
import { interfaceWords, type Lang } from "../src/i18n.ts";

export const INTERNAL_IDS: ReadonlyArray<{ name: string; re: RegExp }> = [
  { name: "aid@version", re: /\b[a-z][a-z0-9_]*@[A-Za-z0-9-]+/g },
  { name: "snake_case id", re: /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g },
  { name: "camelCase name", re: /\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g },
  { name: "ISO date", re: /\b\d{4}-\d{2}-\d{2}\b/g },
  { name: "source line", re: /\b(?:old |new )?lines? \d+/gi },
  { name: "file name", re: /\b[\w-]+\.(?:md|json|txt|tsx?)\b/g },
  { name: "text id", re: /\b(?:arrete|loi|decret|accord)-[a-z0-9-]+/g },
  { name: "contract path", re: /\b(?:facts|employees|parameters|employer)\.[\w.]+/g },
  { name: "condition id", re: /\b[a-z][a-z0-9_]*\.[a-z0-9]+(?:-[a-z0-9]+)+\b/g },
];

/** Each internal id in `text`, with a few words around it to find where it is. */
export function internalIds(text: string): string[] {
  const found: string[] = [];
  for (const { name, re } of INTERNAL_IDS) {
    for (const m of text.matchAll(re)) found.push(`${name} "${m[0]}" in "…${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40)}…"`);
  }
  return found;
}

/** The English the engine words its errors in, for developers: never on the French screen. */
const ENGINE_ENGLISH = /\b(?:expected|unknown (?:aid|fact|field|parameter)|must be|known:|is not a number)\b/g;

/** Units of the rules' facts, in French (rules/<aid>/aid.json): on an English screen they are translated. */
const FRENCH_UNITS = ["h/mois", "h/sem.", "salariés", "jours", "mois"];

/** Words both languages write alike, though the interface uses another in one of them ("Organisme" / "Organisation"). */
const BOTH = new Set(["Organisation"]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
let cache: Record<Lang, RegExp[]> | undefined;
/** The interface's words of the other language (those that differ between the two, of four letters or more). */
function otherLanguage(lang: Lang): RegExp[] {
  if (!cache) {
    const words = [...interfaceWords(), ...dossierWords()];
    const of = (l: Lang) =>
      [...new Set(words.filter((w) => w.fr !== w.en).map((w) => w[l].replace(/\{\w+\}/g, "").trim()))]
        .filter((w) => w.length >= 4 && !BOTH.has(w))
        .map((w) => new RegExp(`(?<![\\p{L}])${escape(w)}(?![\\p{L}])`, "u"));
    cache = { fr: [...of("en")], en: [...of("fr"), ...FRENCH_UNITS.map((u) => new RegExp(`(?<![\\p{L}])${escape(u)}(?![\\p{L}])`, "u"))] };
  }
  return cache[lang];
}

/** Words of the other language in a screen's text in `lang`. */
export function untranslated(text: string, lang: Lang): string[] {
  const found = otherLanguage(lang)
    .filter((re) => re.test(text))
    .map((re) => `"${re.source}"`);
  if (lang === "fr") for (const m of text.matchAll(ENGINE_ENGLISH)) found.push(`English message "${m[0]}" in "…${text.slice(Math.max(0, m.index - 40), m.index + 40)}…"`);
  return found;
}

/** Everything wrong with a screen's text in `lang`. */
export const screenProblems = (text: string, lang: Lang) => [...internalIds(text), ...untranslated(text, lang)];

/**
 * The text a reader of `lang` gets from an element: its text, its labels and titles, without the parts written in
 * another language on purpose (the law's French text in an English page, marked lang="fr").
 */
export function visibleText(root: Element, lang: Lang): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) parts.push(n.textContent ?? "");
    if (n.nodeType !== 1) return;
    const el = n as Element;
    const l = el.getAttribute("lang");
    if (l && l !== lang) return;
    if (el.tagName === "STYLE" || el.tagName === "SCRIPT") return;
    for (const a of ["aria-label", "title", "placeholder", "alt"]) {
      const v = el.getAttribute(a);
      if (v) parts.push(` ${v} `);
    }
    el.childNodes.forEach(walk);
    parts.push(" ");
  };
  walk(root);
  return parts.join("").replace(/\s+/g, " ");
}
