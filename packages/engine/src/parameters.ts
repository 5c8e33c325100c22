/**
 * Dated parameter series (rules/parameters, copied from shared/data with their sources).
 * A series is a step function; a value with `known_valid_until` is only known up to that date
 * (minimum garanti gaps), and `valid_until` ends a series. Past either: unknown, never a guess.
 */
import type { ParameterFile, Text } from "@fne/schema";
import { D, FRF_PER_EUR } from "./decimal.ts";
import type { Unit } from "./trace.ts";

export interface ParameterStep {
  from: string;
  /** Exclusive end: the next step's start, `known_valid_until` or `valid_until`. */
  until: string | null;
  value: D;
  currency: "FRF" | "EUR" | "AF" | null;
  reference: string | null;
}

export interface ParameterSeries {
  id: string;
  description: string;
  unit: string;
  source: string;
  steps: ParameterStep[];
  /** How the working names it (rules/parameter-labels.json). */
  label: Text;
  /** What its values count, for printing them in the working. */
  workingUnit: Unit | null;
}

/** The unit of a series (`currency-per-day`, `hours-per-week`, `rate` …) as the working prints its values. */
function workingUnit(unit: string): Unit | null {
  if (unit.startsWith("currency")) return "money";
  if (unit.startsWith("hours")) return "hour";
  return null;
}

export function buildSeries(file: ParameterFile, label: Text): ParameterSeries {
  const steps = file.values.map((v, i): ParameterStep => {
    const next = file.values[i + 1]?.from ?? null;
    const bounds = [next, v.known_valid_until ?? null, v.valid_until ?? null].filter((x): x is string => x !== null);
    return {
      from: v.from,
      until: bounds.length ? bounds.sort()[0]! : null,
      value: new D(v.value),
      currency: v.currency,
      reference: v.reference,
    };
  });
  return { id: file.id, description: file.description, unit: file.unit, source: file.source, steps, label, workingUnit: workingUnit(file.unit) };
}

export function stepAt(series: ParameterSeries, date: string): ParameterStep | undefined {
  const steps = series.steps;
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]!;
    if (s.from <= date) return s.until === null || date < s.until ? s : undefined;
  }
  return undefined;
}

/** Express a step's value in the currency of the case (a franc value may stay in force after 2002). */
export function inCurrency(step: ParameterStep, currency: "FRF" | "EUR"): D {
  if (step.currency === null || step.currency === currency) return step.value;
  const frf = step.currency === "AF" ? step.value.div(100) : step.currency === "FRF" ? step.value : step.value.times(FRF_PER_EUR);
  return currency === "FRF" ? frf : frf.div(FRF_PER_EUR);
}

/** A value of the series near `date` (the one in force, else the last before, else the first): a stand-in only. */
export function nearestStep(series: ParameterSeries, date: string): ParameterStep {
  let near = series.steps[0]!;
  for (const s of series.steps) if (s.from <= date) near = s;
  return near;
}
