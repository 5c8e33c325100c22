/** The compiled rules (load.ts builds them once; evaluate.ts, context.ts and relevance.ts read them). Types only. */
import type { AidFile, Citation, FactDef, RuleVersionFile, Text } from "@fne/schema";
import type { ArticleRegistry } from "./articles.ts";
import type { CompileScope, FactMap, Predicate } from "./conditions.ts";
import type { compileFacts, FactsSchema } from "./facts.ts";
import type { DerivedDef, Formula } from "./formula.ts";
import type { ParameterSeries } from "./parameters.ts";
import type { Gap, Node, Val } from "./trace.ts";

export interface CompiledCondition {
  id: string;
  text: Text;
  predicate: Predicate;
  /** Facts it compares, as written (may include derived facts). */
  reads: string[];
  /** Input facts behind them, for the missing list. */
  inputs: string[];
  /**
   * For each number fact it depends on, whether the condition rises (+1) or falls (−1) with it, or neither (0):
   * relevance.ts decides a condition at the ends of an absent number's range only when it is monotone in it.
   */
  directions: Record<string, 1 | -1 | 0>;
}

/** A constant's value as a formula reads it (with its citation), or what our sources lack to give it. */
export type ConstantValue = Val | Gap;

/** What is resolved for the article versions and constant values in force on one stretch of dates. */
export interface Segment {
  from: string;
  conditions: Citation[];
  legalBasis: Citation[];
  /** The constants keyed on the case date, resolved for this stretch. */
  constants: Record<string, ConstantValue>;
  /** The interpretations printed with a Result of this stretch. */
  interpretations: Text[];
  /** The derived facts that are the same for every case of this stretch (DerivedDef.perSegment). */
  derived: FactMap;
}

/** A constant keyed on a fact (the convention date): its values by the fact's value, each resolved once. */
export interface KeyedConstant {
  fact: string;
  values: Array<{ from: string | null; value: ConstantValue }>;
}

export interface CompiledVersion {
  file: RuleVersionFile;
  path: string;
  formula: Formula;
  /** What the condition compiler knew of the facts (derived, optional, plain). */
  scope: CompileScope;
  conditions: CompiledCondition[];
  /** The formula's intermediate facts, in order. */
  derived: Array<{ name: string } & DerivedDef>;
  /** The same, computed on first read (conditionFacts); null when every one is per segment. */
  lazyDerived: (new (ctx: DerivedHost) => FactMap) | null;
  segments: Segment[];
  keyed: Record<string, KeyedConstant>;
  /** The working's leaf of each fact of the aid (label, unit). */
  factNodes: Record<string, Node>;
  /** Labels of the amounts and details (aid.json), for the steps named after them. */
  amountLabels: Record<string, Text>;
  /** Their types (money, number, date …), for printing their values in the working. */
  amountTypes: Record<string, string>;
}

/** What a lazily derived fact needs: a context that can compute it. */
export interface DerivedHost {
  derive(d: { name: string } & DerivedDef): unknown;
}

export interface AidRuntime {
  def: AidFile;
  path: string;
  schema: FactsSchema;
  /** The same check as `schema`, compiled for speed (zod words the errors). */
  check: ReturnType<typeof compileFacts>;
  versions: CompiledVersion[];
}

export interface Runtime {
  /** Printed on every Result and PlanResult: which rules produced it. */
  rulesVersion: string;
  aids: Map<string, AidRuntime>;
  articles: ArticleRegistry;
  parameters: Map<string, ParameterSeries>;
  /** Every fact of every aid: the screening mode's schema. */
  allFacts: Record<string, FactDef>;
  allFactsSchema: FactsSchema;
  allFactsCheck: ReturnType<typeof compileFacts>;
}
