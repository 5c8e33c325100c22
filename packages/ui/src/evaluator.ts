/**
 * How a case is evaluated: in the page with the engine (no server), or by the API (POST {api}/v1/evaluate,
 * CONTRACT.md, in api-client.ts). Both give a Result (or a screening) or throw a CaseError carrying the contract's issues.
 */
import { evaluate as engineEvaluate, getArticle, InputError, listAids } from "@fne/engine";
import { apiEvaluate, CaseError, type AidSource, type Evaluate } from "./api-client.ts";

export { apiEvaluate, CaseError, type Evaluate };

/** The engine, in the page. */
export const localEvaluate: Evaluate = async (c) => {
  try {
    return engineEvaluate(c);
  } catch (e) {
    if (e instanceof InputError) throw new CaseError(e.message, e.issues);
    throw e;
  }
};

/** The evaluator a component uses: its `evaluate` prop, else the API at `apiUrl`, else the engine. */
export const resolveEvaluate = (evaluate?: Evaluate, apiUrl?: string): Evaluate =>
  evaluate ?? (apiUrl ? apiEvaluate(apiUrl) : localEvaluate);

/** Everything from the engine in the page (no server): the aids, the evaluation, the articles' texts. */
export const engineSource = (): AidSource => ({ aids: listAids(), evaluate: localEvaluate, getArticle });
