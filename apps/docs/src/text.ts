/** The words of the rule pages that the calculator's interface does not already have (packages/ui i18n.ts). */
import type { Lang, Text } from "@fne/schema";
import { formatDate } from "@fne/ui";

const words = {
  site: { fr: "Règles du calculateur des aides du FNE", en: "Rules of the FNE aid calculator" },
  aids: { fr: "Aides", en: "Aids" },
  texts: { fr: "Articles et textes", en: "Articles and texts" },
  otherLanguage: { fr: "English", en: "Français" },
  allRules: { fr: "Toutes les règles", en: "All the rules" },
  generated: { fr: "Page générée à partir des règles chargées, version", en: "Page generated from the loaded rules, version" },
  validity: { fr: "Validité", en: "Validity" },
  validityNote: { fr: "Sur cette validité", en: "About this validity" },
  successor: { fr: "Après cette version", en: "After this version" },
  conditions: { fr: "Conditions", en: "Conditions" },
  condition: { fr: "Condition", en: "Condition" },
  source: { fr: "Source", en: "Source" },
  ifNotMet: { fr: "Si elle n'est pas remplie", en: "When not met" },
  constants: { fr: "Constantes", en: "Constants" },
  constant: { fr: "Constante", en: "Constant" },
  fromDate: { fr: "À partir du", en: "From" },
  fromStart: { fr: "début de la version", en: "start of the version" },
  anyEarlier: { fr: "toute date antérieure", en: "any earlier date" },
  keyedBy: { fr: "selon :", en: "by:" },
  notInSources: { fr: "absente de nos sources", en: "not in our sources" },
  parametersNote: { fr: "Valeurs en vigueur pendant la validité de cette version.", en: "Values in force while this version is valid." },
  series: { fr: "Série", en: "Series" },
  until: { fr: "Jusqu'au", en: "Until" },
  noParameters: { fr: "Aucun paramètre daté.", en: "No dated parameter." },
  interpretations: { fr: "Interprétations", en: "Interpretations" },
  working: { fr: "Le calcul, sur un cas", en: "The working, on a case" },
  workingOf: { fr: "Calcul évalué à la génération de cette page pour le cas", en: "Working evaluated when this page was generated, for the case" },
  noWorking: {
    fr: "Aucun cas de référence ni exemple éligible sous cette version : le calcul n'est pas montré.",
    en: "No reference case or example is eligible under this version: the working is not shown.",
  },
  goldenCases: { fr: "Cas de référence", en: "Reference cases" },
  goldenIntro: {
    fr: "Chaque cas est évalué par le moteur à la génération de cette page ; le statut et les montants calculés sont comparés aux valeurs attendues, calculées à la main.",
    en: "Each case is evaluated by the engine when this page is generated; the computed status and amounts are compared with the expected values, computed by hand.",
  },
  caseName: { fr: "Cas", en: "Case" },
  expected: { fr: "Attendu", en: "Expected" },
  computed: { fr: "Calculé", en: "Computed" },
  agreement: { fr: "Concordance", en: "Agreement" },
  same: { fr: "identique", en: "same" },
  differs: { fr: "différent", en: "differs" },
  arithmetic: { fr: "Calcul à la main", en: "Arithmetic by hand" },
  examples: { fr: "Exemples", en: "Examples" },
  example: { fr: "Exemple", en: "Example" },
  showWorking: { fr: "Le calcul", en: "The working" },
  invalidCase: { fr: "Cas refusé par le moteur :", en: "Case refused by the engine:" },
  citedBy: { fr: "Cité par", en: "Cited by" },
  notCited: { fr: "Aucune aide ne cite cette version.", en: "No aid cites this version." },
  element: { fr: "Élément", en: "Element" },
  text: { fr: "Texte", en: "Text" },
  otherVersions: { fr: "Versions de cet article", en: "Versions of this article" },
  thisVersion: { fr: "(cette page)", en: "(this page)" },
  kindCondition: { fr: "Condition", en: "Condition" },
  kindConstant: { fr: "Constante", en: "Constant" },
  kindLegalBasis: { fr: "Base légale", en: "Legal basis" },
  kindInterpretation: { fr: "Interprétation", en: "Interpretation" },
  kindAuthority: { fr: "Autorité compétente", en: "Who decides" },
  versionsOf: { fr: "Version de l'aide", en: "Aid version" },
  valueOf: { fr: "valeur du", en: "value of" },
} satisfies Record<string, Text>;

export type Word = keyof typeof words;
export const w = (lang: Lang, key: Word): string => words[key][lang];

const date = (d: string, lang: Lang) => formatDate(d, lang);

/** A stretch of dates in words: "du 18 décembre 1963 au 30 avril 2008", "until 30 April 2008", … */
export function span(lang: Lang, from: string | null, to: string | null): string {
  if (lang === "fr") {
    if (from && to) return `du ${date(from, lang)} au ${date(to, lang)}`;
    if (from) return `à partir du ${date(from, lang)}`;
    return to ? `jusqu'au ${date(to, lang)}` : "sans date";
  }
  if (from && to) return `from ${date(from, lang)} to ${date(to, lang)}`;
  if (from) return `from ${date(from, lang)} on`;
  return to ? `until ${date(to, lang)}` : "undated";
}

/** A rule version's heading: "Version du 18 décembre 1963 au 30 avril 2008". */
export const versionTitle = (lang: Lang, from: string | null, to: string | null) => `Version ${span(lang, from, to)}`;

/** An article version as a caseworker names it: "R322-6, version du 24 juillet 1983", "…, version en vigueur jusqu'au 30 avril 2008". */
export function articleVersionWords(lang: Lang, from: string | null, to: string | null): string {
  if (from) return lang === "fr" ? `version du ${date(from, lang)}` : `version of ${date(from, lang)}`;
  if (to) return lang === "fr" ? `version en vigueur jusqu'au ${date(to, lang)}` : `version in force until ${date(to, lang)}`;
  return lang === "fr" ? "version non datée" : "undated version";
}
