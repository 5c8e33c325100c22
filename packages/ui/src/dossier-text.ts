/** The words of the dossier screens (sign-in, list, dossier page), French and English. */
import type { Text } from "@fne/schema";
import type { Lang } from "./i18n.ts";

const strings = {
  dossiers: { fr: "Dossiers", en: "Case files" },
  noApi: {
    fr: "Les dossiers sont conservés par le serveur : ouvrez cette page depuis le serveur de l'application (pnpm api).",
    en: "Case files are kept by the server: open this page from the application's server (pnpm api).",
  },
  signInTitle: { fr: "Connexion", en: "Sign in" },
  signInHelp: {
    fr: "Saisissez le jeton d'accès remis par votre administrateur. Il n'est pas conservé par le navigateur.",
    en: "Enter the access token your administrator gave you. The browser does not keep it.",
  },
  token: { fr: "Jeton d'accès", en: "Access token" },
  signIn: { fr: "Se connecter", en: "Sign in" },
  signOut: { fr: "Se déconnecter", en: "Sign out" },
  badToken: { fr: "Ce jeton n'est pas valide (inconnu ou révoqué).", en: "This token is not valid (unknown or revoked)." },
  signedInAs: { fr: "Connecté", en: "Signed in" },
  caseworker: { fr: "conseiller", en: "caseworker" },
  supervisor: { fr: "responsable", en: "supervisor" },
  employer: { fr: "employeur", en: "employer" },
  auditor: { fr: "contrôleur", en: "auditor" },
  admin: { fr: "administrateur", en: "administrator" },
  system: { fr: "durée de conservation", en: "retention period" },
  search: { fr: "Rechercher une référence", en: "Search a reference" },
  statusFilter: { fr: "Statut de la dernière évaluation", en: "Status of the latest evaluation" },
  anyStatus: { fr: "Tous les statuts", en: "Any status" },
  notEvaluated: { fr: "Pas encore évalué", en: "Not evaluated yet" },
  reference: { fr: "Référence du dossier", en: "Case file reference" },
  referenceHelp: {
    fr: "Une référence interne suffit (le nom de la personne n'est pas nécessaire).",
    en: "An internal reference is enough (the person's name is not needed).",
  },
  openNew: { fr: "Ouvrir un nouveau dossier", en: "Open a new case file" },
  create: { fr: "Créer le dossier", en: "Create the case file" },
  noDossiers: { fr: "Aucun dossier ne correspond.", en: "No case file matches." },
  openedOn: { fr: "Ouvert le", en: "Opened on" },
  lastEvaluated: { fr: "Dernière évaluation", en: "Latest evaluation" },
  evaluationCount: { fr: "Évaluations", en: "Evaluations" },
  organisation: { fr: "Organisme", en: "Organisation" },
  back: { fr: "Retour à la liste", en: "Back to the list" },
  print: { fr: "Imprimer la fiche", en: "Print the sheet" },
  exportJson: { fr: "Exporter le dossier (JSON)", en: "Export the case file (JSON)" },
  reevaluate: { fr: "Réévaluer selon les règles d'aujourd'hui", en: "Re-evaluate under today's rules" },
  erase: { fr: "Effacer les données du dossier", en: "Erase the case file's data" },
  eraseConfirm: {
    fr: "Effacer définitivement ce dossier ? Le journal gardera la trace de l'effacement, sans les données.",
    en: "Erase this case file for good? The audit trail keeps a record of the erasure, without the data.",
  },
  history: { fr: "Historique des évaluations", en: "History of evaluations" },
  noEvaluation: { fr: "Aucune évaluation pour l'instant.", en: "No evaluation yet." },
  evaluatedOn: { fr: "Évaluée le", en: "Evaluated on" },
  by: { fr: "par", en: "by" },
  caseDate: { fr: "Date de la situation", en: "Date of the case" },
  screening: { fr: "Examen de toutes les aides", en: "Screening of every aid" },
  rulesVersion: { fr: "Version des règles", en: "Rules version" },
  recheckTag: { fr: "réévaluation", en: "re-evaluation" },
  showResult: { fr: "Voir le résultat", en: "Show the result" },
  hideResult: { fr: "Masquer le résultat", en: "Hide the result" },
  compare: { fr: "Ce qui a changé", en: "What changed" },
  compareFrom: { fr: "Évaluation de départ", en: "From the evaluation" },
  compareTo: { fr: "Évaluation comparée", en: "To the evaluation" },
  noChange: { fr: "Aucun changement entre ces deux évaluations.", en: "No change between these two evaluations." },
  what: { fr: "Élément", en: "Item" },
  before: { fr: "Avant", en: "Before" },
  after: { fr: "Après", en: "After" },
  status: { fr: "Statut", en: "Status" },
  notGiven: { fr: "non renseigné", en: "not given" },
  newEvaluation: { fr: "Nouvelle évaluation", en: "New evaluation" },
  save: { fr: "Enregistrer cette évaluation au dossier", en: "Save this evaluation in the case file" },
  sheetTitle: { fr: "Fiche du dossier", en: "Case file sheet" },
  recordedInFrench: { fr: "Évaluation enregistrée en français, telle qu'elle a été calculée.", en: "Evaluation recorded in French, as it was computed." },
  recordedInEnglish: { fr: "Évaluation enregistrée en anglais, telle qu'elle a été calculée.", en: "Evaluation recorded in English, as it was computed." },
  printedOn: { fr: "Imprimée le", en: "Printed on" },
  factsEntered: { fr: "Éléments de la dernière évaluation", en: "Facts of the latest evaluation" },
  latestResult: { fr: "Résultat de la dernière évaluation", en: "Result of the latest evaluation" },
  recheckAll: { fr: "Réévaluer tous les dossiers selon les règles d'aujourd'hui", en: "Re-evaluate every case file under today's rules" },
  recheckDone: { fr: "évaluations réévaluées ; dossiers dont le résultat change :", en: "evaluations re-evaluated; case files whose result changes:" },
  recheckNone: { fr: "Aucun résultat ne change.", en: "No result changes." },
  failed: { fr: "L'opération n'a pas abouti :", en: "The operation failed:" },
  loading: { fr: "Chargement…", en: "Loading…" },
} satisfies Record<string, Text>;

export type DossierKey = keyof typeof strings;
export const dt = (lang: Lang, key: DossierKey): string => strings[key][lang];
/** A role (or "admin", "system") as the screen names it. */
export const roleName = (lang: Lang, role: string | null): string => (role && role in strings ? strings[role as DossierKey][lang] : (role ?? ""));

/** Every word of the dossier screens, for the test that no page shows a word of the other language. */
export const dossierWords = (): ReadonlyArray<Text> => Object.values(strings);
