/**
 * @fne/ui/form: the case form without the engine, for the widget's lazy part. The aids, the evaluation and the
 * articles come from the API (apiSource) or from the engine loaded later (@fne/ui/evaluator's engineSource).
 */
export { CaseForm, type CaseFormProps } from "./CaseForm.tsx";
export { apiSource, CaseError, type AidSource, type Evaluate } from "./api-client.ts";
export { tr, type Lang } from "./i18n.ts";
export { css } from "./styles.ts";
