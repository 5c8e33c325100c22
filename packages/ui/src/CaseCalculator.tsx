/**
 * The case form with the engine in the page (the web app): the aids, the evaluation and the articles' texts default
 * to the engine's; `apiUrl` evaluates with the API instead. The widget mounts CaseForm itself, without the engine.
 */
import { useMemo } from "react";
import { getArticle as engineGetArticle, getRuntime, listAids } from "@fne/engine";
import type { AidDescription } from "@fne/schema";
import { CaseForm, type CaseFormProps } from "./CaseForm.tsx";
import { resolveEvaluate, type Evaluate } from "./evaluator.ts";
import type { GetArticle } from "./api-client.ts";
import type { EngineNames } from "./words.ts";

/** The labels the engine's rules hold beyond the aids' descriptions: dated parameters, a Result's details. */
export const engineNames: EngineNames = {
  parameter: (id) => getRuntime().parameters.get(id)?.label,
  detail: (aid, key) => getRuntime().aids.get(aid)?.def.details?.[key]?.label,
};

export interface CaseCalculatorProps extends Omit<CaseFormProps, "aids" | "evaluate" | "getArticle"> {
  /** Evaluate with this function (else the API at apiUrl, else the engine in the page). */
  evaluate?: Evaluate;
  apiUrl?: string;
  aids?: AidDescription[];
  getArticle?: GetArticle;
}

export function CaseCalculator({ evaluate, apiUrl, aids, getArticle, ...props }: CaseCalculatorProps) {
  const list = useMemo(() => aids ?? listAids(), [aids]);
  const resolved = useMemo(() => resolveEvaluate(evaluate, apiUrl), [evaluate, apiUrl]);
  return <CaseForm names={engineNames} {...props} aids={list} evaluate={resolved} getArticle={getArticle ?? engineGetArticle} />;
}
