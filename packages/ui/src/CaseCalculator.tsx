/**
 * The case form with the engine in the page (the web app): the aids, the evaluation and the articles' texts default
 * to the engine's; `apiUrl` evaluates with the API instead. The widget mounts CaseForm itself, without the engine.
 */
import { useMemo } from "react";
import { getArticle as engineGetArticle, listAids } from "@fne/engine";
import type { AidDescription } from "@fne/schema";
import { CaseForm, type CaseFormProps } from "./CaseForm.tsx";
import { resolveEvaluate, type Evaluate } from "./evaluator.ts";
import type { GetArticle } from "./api-client.ts";

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
  return <CaseForm {...props} aids={list} evaluate={resolved} getArticle={getArticle ?? engineGetArticle} />;
}
