/** The words of the interface, French first (the caseworker's language), English beside. */
import type { Lang, Text } from "@fne/schema";
import { loaderText } from "./loader-text.ts";

export type { Lang };

const strings = {
  appTitle: { fr: "Calculateur des aides du FNE", en: "FNE aid calculator" },
  caseworker: { fr: "Dossier individuel", en: "Individual case" },
  employer: { fr: "Plan de licenciement", en: "Layoff plan" },
  language: { fr: "Langue", en: "Language" },
  date: { fr: "Date de l'événement", en: "Event date" },
  dateHelp: {
    fr: "Reclassement, rupture, entrée dans le dispositif ou demande : le droit applicable est celui en vigueur à cette date.",
    en: "Reclassement, dismissal, entry into the scheme or application: the law applied is the one in force on that date.",
  },
  aid: { fr: "Aide", en: "Aid" },
  allAids: { fr: "Toutes les aides (examen global)", en: "All aids (screening)" },
  facts: { fr: "Situation de la personne", en: "The person's situation" },
  sharedFacts: { fr: "Commun à plusieurs aides", en: "Shared by several aids" },
  optional: { fr: "facultatif", en: "optional" },
  unknown: { fr: "— non renseigné —", en: "— not given —" },
  yes: { fr: "Oui", en: "Yes" },
  no: { fr: "Non", en: "No" },
  compute: { fr: "Calculer", en: "Compute" },
  computing: { fr: "Calcul…", en: "Computing…" },
  reset: { fr: "Effacer", en: "Clear" },
  print: { fr: "Imprimer", en: "Print" },
  copyLink: { fr: "Copier le lien du dossier", en: "Copy the case link" },
  linkCopied: { fr: "Lien copié", en: "Link copied" },
  fixErrors: { fr: "La saisie contient des erreurs :", en: "The input has errors:" },
  result: { fr: "Résultat", en: "Result" },
  results: { fr: "Résultats", en: "Results" },
  status: { fr: "Statut", en: "Status" },
  eligible: { fr: "Éligible", en: "Eligible" },
  ineligible: { fr: "Non éligible", en: "Not eligible" },
  undetermined: { fr: "Indéterminé", en: "Undetermined" },
  no_law: { fr: "Pas de texte à cette date", en: "No law at that date" },
  invalid: { fr: "Ligne invalide", en: "Invalid row" },
  amounts: { fr: "Montants", en: "Amounts" },
  periods: { fr: "Versements par période", en: "Payments by period" },
  euroEquivalent: { fr: "soit", en: "i.e." },
  authority: { fr: "Autorité compétente", en: "Who decides" },
  conditions: { fr: "Conditions examinées", en: "Conditions checked" },
  passed: { fr: "Remplie", en: "Met" },
  failed: { fr: "Non remplie", en: "Not met" },
  notKnown: { fr: "Inconnue", en: "Unknown" },
  missing: { fr: "Informations manquantes", en: "Missing information" },
  notes: { fr: "Notes et interprétations", en: "Notes and interpretations" },
  entitlements: { fr: "Autres droits (montant non fixé ici)", en: "Other rights (amount not fixed here)" },
  parameters: { fr: "Paramètres utilisés", en: "Parameters used" },
  parameter: { fr: "Paramètre", en: "Parameter" },
  value: { fr: "Valeur", en: "Value" },
  since: { fr: "Depuis", en: "Since" },
  reference: { fr: "Référence", en: "Reference" },
  overridden: { fr: "valeur saisie", en: "value entered" },
  legalBasis: { fr: "Base légale", en: "Legal basis" },
  version: { fr: "Version appliquée", en: "Version applied" },
  capApplied: { fr: "Le plafond s'applique.", en: "The cap applies." },
  article: { fr: "Article", en: "Article" },
  paragraph: { fr: "al.", en: "para." },
  close: { fr: "Fermer", en: "Close" },
  loadingArticle: { fr: "Chargement du texte de l'article…", en: "Loading the article's text…" },
  articleUnavailable: { fr: "Le texte de l'article n'a pas pu être chargé.", en: "The article's text could not be loaded." },
  articleNotFound: { fr: "Article absent de nos textes.", en: "Article not in our texts." },
  textNotInSources: { fr: "Le texte de cette version n'est pas dans nos sources.", en: "The wording of this version is not in our sources." },
  noVersionAtDate: { fr: "Aucune version en vigueur à cette date.", en: "No version in force on that date." },
  inForce: { fr: "En vigueur", en: "In force" },
  from: { fr: "du", en: "from" },
  to: { fr: "au", en: "to" },
  openStart: { fr: "(début non daté)", en: "(start not dated)" },
  openEnd: { fr: "(sans fin)", en: "(open)" },
  caseSummary: { fr: "Éléments saisis", en: "Facts entered" },
  printedOn: { fr: "Calcul au", en: "Computed for" },
  serverError: { fr: "Le service de calcul n'a pas répondu correctement.", en: "The calculation service did not answer properly." },
  // the widget
  ...loaderText,
  unknownAid: { fr: "Le calculateur ne connaît pas l'aide demandée par cette page :", en: "The calculator does not know the aid this page asks for:" },
  // plan simulator
  planIntro: {
    fr: "Importez le plan en CSV (celui d'Excel, « ; » et virgules décimales, convient) ou en classeur Excel .xlsx : une ligne par salarié, les colonnes sont id, aid et les noms des faits.",
    en: "Import the plan as CSV (Excel's French CSV, with ';' and decimal commas, is fine) or as an Excel .xlsx workbook: one row per employee, columns id, aid and the fact names.",
  },
  headcount: { fr: "Effectif de l'entreprise", en: "Company headcount" },
  proposesCRP: { fr: "L'employeur propose la CRP", en: "The employer offers the CRP" },
  dropHere: { fr: "Déposez le fichier CSV ou Excel ici, ou", en: "Drop the CSV or Excel file here, or" },
  chooseFile: { fr: "choisissez un fichier", en: "choose a file" },
  sample: { fr: "Télécharger un exemple de fichier", en: "Download a sample file" },
  importing: { fr: "Import en cours", en: "Importing" },
  rowsDone: { fr: "lignes traitées", en: "rows done" },
  totals: { fr: "Totaux", en: "Totals" },
  employerCost: { fr: "Coût employeur (tout compris)", en: "Employer cost (all included)" },
  crpSums: { fr: "Sommes CRP dues par l'employeur (hors préavis payé)", en: "CRP sums owed by the employer (without the notice paid)" },
  line: { fr: "Ligne", en: "Line" },
  openRow: { fr: "Voir le détail de", en: "Show the details of" },
  exportXlsx: { fr: "Exporter (Excel)", en: "Export (Excel)" },
  exportJson: { fr: "Exporter (JSON)", en: "Export (JSON)" },
  stateCost: { fr: "Part de l'État", en: "State share" },
  employeeAllocations: { fr: "Allocations aux salariés", en: "Employee allowances" },
  counts: { fr: "Répartition", en: "Breakdown" },
  scenarios: { fr: "Comparaison des scénarios", en: "Scenario comparison" },
  withCRP: { fr: "CRP proposée", en: "CRP offered" },
  withoutCRP: { fr: "CRP non proposée", en: "CRP not offered" },
  difference: { fr: "Écart", en: "Difference" },
  differenceExplained: {
    fr: "Écart = coût sans proposition de la CRP − coût avec proposition.",
    en: "Difference = cost without offering the CRP − cost with the offer.",
  },
  filterStatus: { fr: "Filtrer par statut", en: "Filter by status" },
  all: { fr: "Tous", en: "All" },
  exportCsv: { fr: "Exporter les résultats (CSV)", en: "Export the results (CSV)" },
  employeeId: { fr: "Salarié", en: "Employee" },
  note: { fr: "Observation", en: "Note" },
  sortBy: { fr: "Trier par", en: "Sort by" },
  page: { fr: "Page", en: "Page" },
  previous: { fr: "Précédente", en: "Previous" },
  next: { fr: "Suivante", en: "Next" },
  rowsShown: { fr: "lignes", en: "rows" },
  duration: { fr: "calculé en", en: "computed in" },
  planError: { fr: "Le plan ne peut pas être lu :", en: "The plan cannot be read:" },
} satisfies Record<string, Text>;

export type Key = keyof typeof strings;

/** The interface word `key` in `lang`. */
export const tr = (lang: Lang, key: Key): string => strings[key][lang];

/** A text of the rules (labels, help) in `lang`. */
export const pick = (lang: Lang, text: Text | undefined): string => (text ? text[lang] : "");

/** The engine words its input errors in English; the French interface shows the usual ones in French. */
const FRENCH_ISSUES: Array<[RegExp, string]> = [
  [/^expected a number$/, "un nombre est attendu"],
  [/^expected true or false$/, "oui ou non est attendu"],
  [/^expected an amount such as/, "un montant est attendu, par exemple 1234,56"],
  [/^expected a decimal number such as/, "un nombre décimal est attendu, par exemple 1234,50"],
  [/^must be zero or more$/, "doit être positif ou nul"],
  [/^too many digits: at most (\d+) before the decimal point and (\d+) after$/, "trop de chiffres : au plus $1 avant la virgule et $2 après"],
  [/^must be a whole number$/, "doit être un nombre entier"],
  [/^expected one of (.*)$/, "valeurs possibles : $1"],
  [/^expected a date YYYY-MM-DD$/, "une date est attendue"],
  [/^not a calendar date$/, "cette date n'existe pas"],
  [/^Too small: expected number to be >=?(.*)$/, "doit être au moins $1"],
  [/^Too big: expected number to be <=?(.*)$/, "doit être au plus $1"],
  [/^Too small: expected string to have >=1 characters$/, "ne peut pas être vide"],
];

export function issueMessage(lang: Lang, message: string): string {
  if (lang === "en") return message;
  for (const [re, fr] of FRENCH_ISSUES) if (re.test(message)) return message.replace(re, fr);
  return message;
}
