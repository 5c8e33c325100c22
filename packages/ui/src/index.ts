/**
 * @fne/ui: the calculator's React components, for the web app and the embeddable widget (shadow DOM):
 * they take props (aid, lang, date, an `evaluate` function or an API URL) and their styles are the `css` string.
 */
export { CaseCalculator, type CaseCalculatorProps } from "./CaseCalculator.tsx";
export { ResultView, StatusBadge, Money, type ResultViewProps } from "./ResultView.tsx";
export { citationLabel, unitWord } from "./words.ts";
export { ArticlePanel, citationDate, type GetArticle } from "./ArticlePanel.tsx";
export { FactInput } from "./FactInput.tsx";
export { caseFromDraft, draftFromQuery, draftToQuery, emptyDraft, factFields, type CaseDraft, type FactField } from "./draft.ts";
export { apiEvaluate, localEvaluate, resolveEvaluate, CaseError, type Evaluate } from "./evaluator.ts";
export { formatDecimal, formatMoney, formatWithEuro, francsToEuros } from "./money.ts";
export { tr, pick, type Lang } from "./i18n.ts";
export { css, layoutCss } from "./styles.ts";
export { aidPagePath, articlePagePath, RULE_PAGES_DIR, RulePagesBase } from "./rule-pages.tsx";
export { PlanSimulator, type PlanSimulatorProps } from "./PlanSimulator.tsx";
export { runPlanFile, exportFile, type PlanRequest, type PlanRow, type PlanOutcome, type PlanMessage, type PlanData } from "./plan-run.ts";
export { samplePlanCsv, samplePlanOptions } from "./sample-plan.ts";
export { CostChart } from "./CostChart.tsx";
export { DossierDesk, type DossierDeskProps } from "./DossierDesk.tsx";
export { dossierClient, ApiError, type DossierClient } from "./dossier-api.ts";
export { diffEvaluations, type DiffLine } from "./dossier-diff.ts";
export { formatDate, formatDateTime } from "./dates.ts";
export { dossierCss } from "./dossier-styles.ts";
export { dt, roleName } from "./dossier-text.ts";
export { SavedPlans, type SavedPlansProps } from "./SavedPlans.tsx";
export { SavePlanForm, type SavePlanFormProps } from "./SavePlanForm.tsx";
export { savedPlansClient, savablePlan, type SavedPlansClient, type SavablePlan } from "./saved-plans-api.ts";
export { Guided, ASIDE, type GuidedProps } from "./Guided.tsx";
