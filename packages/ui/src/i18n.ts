/** The words of the interface, French first (the caseworker's language), English beside. */
import type { Lang, Text } from "@fne/schema";
import { loaderText } from "./loader-text.ts";

export type { Lang };

const strings = {
  appTitle: { fr: "Calculateur des aides du FNE", en: "FNE aid calculator" },
  appTagline: { fr: "Les aides du Fonds national de l'emploi, calculées d'après les textes en vigueur à la date du cas", en: "The aids of the Fonds national de l'emploi, computed from the texts in force on the case's date" },
  skipLinks: { fr: "Accès rapide", en: "Quick access" },
  skipToContent: { fr: "Contenu", en: "Content" },
  footerAbout: {
    fr: "Calculateur de référence des aides à l'emploi du Fonds national de l'emploi, pour les agents des services de l'État. Le calcul est indicatif : la décision appartient à l'autorité compétente.",
    en: "Reference calculator of the employment aids of the Fonds national de l'emploi, for the agents of State services. The calculation is indicative: the decision belongs to the competent authority.",
  },
  footerLicence: { fr: "Les textes cités proviennent de Légifrance. Interface : Système de design de l'État (DSFR).", en: "The texts cited come from Légifrance. Interface: the French State's design system (DSFR)." },
  newWindow: { fr: "nouvelle fenêtre", en: "new window" },
  caseworker: { fr: "Dossier individuel", en: "Individual case" },
  employer: { fr: "Plan de licenciement", en: "Layoff plan" },
  language: { fr: "Langue", en: "Language" },
  sections: { fr: "Rubriques", en: "Sections" },
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
  seeRule: { fr: "Voir la règle", en: "See the rule" },
  seeArticleVersion: { fr: "Page de cette version de l'article", en: "This article version's page" },
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
  computedFor: { fr: "Calcul au", en: "Computed for" },
  amount: { fr: "Montant", en: "Amount" },
  perMonthFor: { fr: "par mois, pendant {n}", en: "a month, for {n}" },
  perDayFor: { fr: "par jour, pendant {n}", en: "a day, for {n}" },
  perMonth: { fr: "par mois", en: "a month" },
  perDay: { fr: "par jour", en: "a day" },
  working: { fr: "Détail du calcul", en: "How it is computed" },
  workingAbove: { fr: "calcul détaillé sur sa propre ligne", en: "worked out on its own line" },
  valueSince: { fr: "valeur en vigueur depuis le {date}", en: "value in force since {date}" },
  valueEntered: { fr: "valeur saisie pour ce calcul", en: "value entered for this calculation" },
  missingTexts: { fr: "Textes absents de nos sources", en: "Texts not in our sources" },
  missingTextsHelp: {
    fr: "Le montant dépend de ces textes, que le calculateur n'a pas : il ne peut pas être calculé ici.",
    en: "The amount depends on these texts, which the calculator does not have: it cannot be computed here.",
  },
  missingValues: { fr: "Valeurs inconnues à cette date", en: "Values unknown on that date" },
  missingValuesHelp: {
    fr: "Nos séries de paramètres n'ont pas de valeur connue à la date du cas.",
    en: "Our parameter series have no known value on the case's date.",
  },
  noLawAt: { fr: "Aucune version de cette aide n'est en vigueur le {date} dans nos textes.", en: "No version of this aid is in force on {date} in our texts." },
  nearestVersions: { fr: "Versions les plus proches", en: "Nearest versions" },
  successorFrom: { fr: "À partir du {date}, ce sont les textes suivants qui s'appliquent : {articles}.", en: "From {date}, the following texts apply: {articles}." },
  articleSuccessor: { fr: "À partir du {date}, son contenu se trouve à l'article {articles}.", en: "From {date}, its content is at article {articles}." },
  articleEnds: {
    fr: "À partir du {date}, cet article n'est plus en vigueur sous ce numéro ; la suite n'est pas dans nos sources.",
    en: "From {date}, this article is no longer in force under this number; what follows is not in our sources.",
  },
  startNotDated: { fr: "Le début de cette version n'est pas daté dans nos sources.", en: "The start of this version is not dated in our sources." },
  input: { fr: "Saisie", en: "Input" },
  dateRequired: { fr: "indiquez la date de l'événement", en: "enter the event date" },
  // the decision sheet
  sheetTitle: { fr: "Fiche de calcul des aides du FNE", en: "FNE aid calculation sheet" },
  sheetHeader: { fr: "En-tête de la fiche imprimée", en: "Header of the printed sheet" },
  agency: { fr: "Organisme", en: "Agency" },
  caseworkerName: { fr: "Agent instructeur", en: "Caseworker" },
  dossierReference: { fr: "Référence du dossier", en: "Case file reference" },
  printedOn: { fr: "Imprimée le", en: "Printed on" },
  sheetFacts: { fr: "Situation examinée", en: "The situation examined" },
  sheetWorking: { fr: "Calcul des montants", en: "How the amounts are computed" },
  sheetTexts: { fr: "Textes appliqués", en: "Texts applied" },
  rulesVersion: { fr: "Version des règles du calculateur", en: "Calculator rules version" },
  signature: { fr: "Signature", en: "Signature" },
  sheetNotice: {
    fr: "Calcul indicatif établi d'après les textes cités ; la décision appartient à l'autorité compétente.",
    en: "An indicative calculation from the texts cited; the decision belongs to the competent authority.",
  },
  notDecided: { fr: "Aides examinées sans droit ouvert", en: "Aids examined with no entitlement" },
  serverError: { fr: "Le service de calcul n'a pas répondu correctement.", en: "The calculation service did not answer properly." },
  // the widget
  ...loaderText,
  unknownAid: { fr: "Le calculateur ne connaît pas l'aide demandée par cette page :", en: "The calculator does not know the aid this page asks for:" },
  valueRange: { fr: "Valeur {range}", en: "Value {range}" },
  between: { fr: "de {min} à {max}", en: "from {min} to {max}" },
  atLeast: { fr: "au moins {min}", en: "at least {min}" },
  atMost: { fr: "au plus {max}", en: "at most {max}" },
  wholeNumber: { fr: "nombre entier", en: "whole number" },
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
  employeesCount: { fr: "{n} salariés", en: "{n} employees" },
  fileHeader: { fr: "En-tête du fichier", en: "File header" },
  file: { fr: "Fichier", en: "File" },
  lineN: { fr: "Ligne {n}", en: "Line {n}" },
  planNote1: {
    fr: "Coût employeur : tout ce que l'employeur paie pour le salarié. Pour la CRP : les sommes CRP (contribution, solde ou équivalent de préavis, indemnité de licenciement, DIF, ou pénalité), plus le préavis payé quand la CRP est refusée ou non proposée.",
    en: "Employer cost: everything the employer pays for the employee. For the CRP: the CRP sums (contribution, notice balance or equivalent, severance, DIF, or penalty), plus the notice paid when the CRP is refused or not offered.",
  },
  planNote2: {
    fr: "Sommes CRP dues par l'employeur : les sommes propres à la CRP, sans le préavis payé ; ce n'est pas le coût employeur.",
    en: "CRP sums owed by the employer: the sums specific to the CRP, without the notice paid; not the employer cost.",
  },
  planNote3: {
    fr: "Part de l'État : ce que l'État (FNE) finance. Allocations aux salariés : ce que le salarié reçoit (préavis, indemnité, allocations).",
    en: "State share: what the State (FNE) funds. Employee allowances: what the employee receives (notice, severance, allowances).",
  },
  costCrpSums: { fr: "sommes CRP", en: "CRP sums" },
  costNoticePaid: { fr: "préavis payé", en: "notice paid" },
  missingShort: { fr: "Manque : {names}", en: "Missing: {names}" },
  planError: { fr: "Le plan ne peut pas être lu :", en: "The plan cannot be read:" },
  // saved plans (SavedPlans.tsx)
  savedPlans: { fr: "Plans enregistrés", en: "Saved plans" },
  savePlan: { fr: "Enregistrer ce plan", en: "Save this plan" },
  planName: { fr: "Nom du plan", en: "Name of the plan" },
  planSaved: { fr: "Plan enregistré :", en: "Plan saved:" },
  seeSavedPlans: { fr: "Voir les plans enregistrés", en: "See the saved plans" },
  savePlanSignIn: {
    fr: "Pour enregistrer ce plan, connectez-vous avec un jeton employeur dans l'onglet « Plans enregistrés ».",
    en: "To save this plan, sign in with an employer token in the \"Saved plans\" tab.",
  },
  unreadableNotSaved: {
    fr: "Ces lignes du fichier sont illisibles et ne seront pas enregistrées :",
    en: "These rows of the file cannot be read and will not be saved:",
  },
  savePlanFailed: { fr: "L'enregistrement n'a pas abouti :", en: "Saving failed:" },
  planTooLarge: {
    fr: "ce plan est trop grand pour être enregistré : enregistrez-le en plusieurs parties.",
    en: "this plan is too large to be saved: save it in several parts.",
  },
  noSavedPlans: { fr: "Aucun plan enregistré.", en: "No saved plan." },
  savedOn: { fr: "Enregistré le", en: "Saved on" },
  employees: { fr: "Salariés", en: "Employees" },
  backToPlans: { fr: "Retour aux plans enregistrés", en: "Back to the saved plans" },
  erasePlan: { fr: "Supprimer ce plan", en: "Delete this plan" },
  erasePlanConfirm: {
    fr: "Supprimer définitivement ce plan et ses résultats ? Le journal gardera la trace de la suppression.",
    en: "Delete this plan and its results for good? The audit trail keeps a record of the deletion.",
  },
  exportPlan: { fr: "Exporter le plan et ses résultats (JSON)", en: "Export the plan and its results (JSON)" },
  planAsEntered: { fr: "Plan tel que saisi", en: "Plan as entered" },
  scenarioDifference: { fr: "Écart = scénario − plan tel que saisi.", en: "Difference = scenario − plan as entered." },
  planNotFound: { fr: "Ce plan n'existe pas dans votre organisation.", en: "This plan does not exist in your organisation." },
  plansNotAllowed: { fr: "Votre rôle ne donne pas accès aux plans enregistrés.", en: "Your role gives no access to saved plans." },
  // guided questions (Guided.tsx)
  guided: { fr: "Questions guidées", en: "Guided questions" },
  guidedIntro: {
    fr: "Indiquez la date et l'aide, ou toutes les aides : les questions viennent une à une, seulement celles qui comptent pour la décision et le montant.",
    en: "Give the date and the aid, or every aid: the questions come one at a time, only those that matter for the decision and the amount.",
  },
  guidedLink: { fr: "Répondre aux questions une à une (questions guidées)", en: "Answer the questions one at a time (guided questions)" },
  guidedWhichAids: { fr: "Quelles aides ? (examen de toutes les aides)", en: "Which aids? (screen every aid)" },
  guidedStart: { fr: "Commencer", en: "Start" },
  guidedSituation: { fr: "Situation au", en: "Situation on" },
  guidedQuestion: { fr: "Question", en: "Question" },
  guidedFor: { fr: "Pour", en: "For" },
  guidedAnswer: { fr: "Valider la réponse", en: "Confirm the answer" },
  guidedSkip: { fr: "Je ne sais pas", en: "I don't know" },
  guidedSkipped: { fr: "Non connu", en: "Not known" },
  guidedAnswers: { fr: "Réponses données", en: "Answers given" },
  guidedEdit: { fr: "Modifier", en: "Change" },
  guidedSave: { fr: "Enregistrer", en: "Save" },
  guidedCancel: { fr: "Annuler", en: "Cancel" },
  guidedStatuses: { fr: "Où en sont les aides", en: "Where the aids stand" },
  guidedSetAside: { fr: "Ne plus poser de question pour cette aide", en: "Ask no more questions for this aid" },
  guidedAside: { fr: "Laissée de côté", en: "Set aside" },
  guidedNoLaw: { fr: "Sans texte en vigueur à cette date", en: "No law in force on that date" },
  guidedDone: { fr: "Toutes les aides demandées sont tranchées.", en: "Every aid asked about is decided." },
  guidedNoMore: {
    fr: "Aucune autre question ne peut trancher les aides restées indéterminées : elles attendent une réponse non donnée, un paramètre ou un texte absent de nos sources.",
    en: "No further question can decide the aids left undetermined: they wait for an answer not given, a parameter or a text not in our sources.",
  },
  guidedFullForm: { fr: "Formulaire complet, avec les réponses données", en: "Full form, with the answers given" },
  guidedRestart: { fr: "Recommencer", en: "Start again" },
  guidedExplanation: { fr: "Explication détaillée", en: "Full explanation" },
} satisfies Record<string, Text>;

export type Key = keyof typeof strings;

/** The interface word `key` in `lang`. */
export const tr = (lang: Lang, key: Key): string => strings[key][lang];

/** A text of the rules (labels, help) in `lang`. */
export const pick = (lang: Lang, text: Text | undefined): string => (text ? text[lang] : "");

/** A word with its blanks filled: fill("fr", "noLawAt", { date: "1er janvier 1960" }). */
export const fill = (lang: Lang, key: Key, values: Record<string, string>): string =>
  strings[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => values[name] ?? m);

/** Every word of the interface, for the test that no page shows a key or a word of the other language. */
export const interfaceWords = (): ReadonlyArray<Text> => Object.values(strings);

type Rule = [RegExp, Text];
/**
 * The engine (and the plan reader) word their input errors in English for developers; the screen says them in the
 * caseworker's words, in both languages, never with a code name ("known: atd, asfne, …", "job_seeker"). Each
 * pattern matches a whole message; `$1`… are its parts. An unknown message is shown as is in English and as a
 * general one in French (no English on the French screen).
 */
const ISSUES: Rule[] = [
  [/^expected a number$/, { fr: "un nombre est attendu", en: "a number is expected" }],
  [/^expected true or false$/, { fr: "oui ou non est attendu", en: "yes or no is expected" }],
  [/^expected an amount such as .*$/, { fr: "un montant est attendu, par exemple 1234,56", en: "an amount is expected, for example 1234.56" }],
  [/^expected a decimal number such as .*$/, { fr: "un nombre décimal est attendu, par exemple 1234,50", en: "a decimal number is expected, for example 1234.50" }],
  [/^must be zero or more$/, { fr: "doit être positif ou nul", en: "must be zero or more" }],
  [/^too many digits: at most (\d+) before the decimal point and (\d+) after$/, { fr: "trop de chiffres : au plus $1 avant la virgule et $2 après", en: "too many digits: at most $1 before the decimal point and $2 after" }],
  [/^must be a whole number$/, { fr: "doit être un nombre entier", en: "must be a whole number" }],
  [/^expected one of .*$/, { fr: "choisissez une des valeurs proposées", en: "choose one of the values offered" }],
  [/^expected a date YYYY-MM-DD$/, { fr: "une date est attendue", en: "a date is expected" }],
  [/^not a calendar date$/, { fr: "cette date n'existe pas", en: "this date does not exist" }],
  [/^must be at least (.*)$/, { fr: "doit être au moins $1", en: "must be at least $1" }],
  [/^must be at most (.*)$/, { fr: "doit être au plus $1", en: "must be at most $1" }],
  [/^Too small: expected number to be >=?(.*)$/, { fr: "doit être au moins $1", en: "must be at least $1" }],
  [/^Too big: expected number to be <=?(.*)$/, { fr: "doit être au plus $1", en: "must be at most $1" }],
  [/^Too small: expected string to have >=1 characters$/, { fr: "ne peut pas être vide", en: "cannot be empty" }],
  // the guided questions: "Valider" with nothing typed
  [/^an answer is required$/, { fr: "Répondez, ou choisissez « Je ne sais pas ».", en: "Answer, or choose “I don't know”." }],
  [/^unknown aid .*$/, { fr: "aide inconnue : choisissez une aide dans la liste", en: "unknown aid: choose an aid from the list" }],
  [/^unknown fact for .*$/, { fr: "ce renseignement n'est pas demandé pour cette aide", en: "this information is not asked for this aid" }],
  [/^unknown parameter .*$/, { fr: "paramètre inconnu", en: "unknown parameter" }],
  [/^unknown field .*$/, { fr: "champ inconnu", en: "unknown field" }],
  // plan files (@fne/planfile): the cell as typed, then what was expected
  [/^"(.*)" is not a number$/, { fr: "« $1 » n'est pas un nombre", en: "“$1” is not a number" }],
  [/^"(.*)": in a ';' file decimals take a comma.*$/, { fr: "« $1 » : dans un fichier à « ; », les décimales s'écrivent avec une virgule, par exemple 2500,50", en: "“$1”: in a file with ';', decimals take a comma, for example 2500,50" }],
  [/^"(.*)": decimals take a point.*$/, { fr: "« $1 » : dans ce fichier, les décimales s'écrivent avec un point, par exemple 2500.50", en: "“$1”: in this file, decimals take a point, for example 2500.50" }],
  [/^"(.*)": expected oui\/non.*$/, { fr: "« $1 » : oui ou non est attendu", en: "“$1”: yes or no is expected" }],
  [/^"(.*)": expected a date.*$/, { fr: "« $1 » : une date est attendue (AAAA-MM-JJ, ou JJ/MM/AAAA dans un fichier à « ; »)", en: "“$1”: a date is expected (YYYY-MM-DD, or DD/MM/YYYY in a file with ';')" }],
];

/** An input error's message in the caseworker's words. */
export function issueMessage(lang: Lang, message: string): string {
  for (const [re, text] of ISSUES) {
    const m = re.exec(message);
    if (m) return text[lang].replace(/\$(\d)/g, (_x, i: string) => m[Number(i)] ?? "");
  }
  return lang === "fr" ? "valeur non valide" : message;
}
