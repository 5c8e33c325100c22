/**
 * The public contract (shared/spec/CONTRACT.md): Case, Result, Plan, PlanResult, Error.
 * The CLI, the API, the web app and the widget all validate with these shapes.
 * Fact values are checked per aid by the engine, which knows each aid's fact definitions.
 */
import { z } from "zod";
import { Currency, INPUT_LIMITS, InputDecimal, InputObject, IsoDate, Lang, Money, NamedMap } from "./common.ts";

/** A fact as sent; its type, range and digits are checked per aid by the engine (packages/engine/src/facts.ts). */
export const FactValue = z.union([z.boolean(), z.number(), z.string()]);
export const Facts = NamedMap(FactValue, INPUT_LIMITS.facts, "fact");
/** Overrides of dated parameters by id (what-if simulation), each a bounded decimal. */
export const ParameterOverrides = NamedMap(InputDecimal, INPUT_LIMITS.parameters, "parameter");

export const Case = InputObject({
  aid: z.string().min(1).max(INPUT_LIMITS.textLength).optional(),
  date: IsoDate,
  facts: Facts.default({}),
  parameters: ParameterOverrides.optional(),
  /** Language of the explanation texts; French by default. */
  lang: Lang.optional(),
});
export type Case = z.infer<typeof Case>;
export type CaseInput = z.input<typeof Case>;

export const Status = z.enum(["eligible", "ineligible", "undetermined", "no_law"]);
export type Status = z.infer<typeof Status>;

export const Citation = z.object({
  article: z.string(),
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  paragraph: z.number().int().optional(),
  point: z.string().optional(),
});
export type Citation = z.infer<typeof Citation>;

export const Reason = z.object({
  rule: z.string(),
  /** true / false, or null when a fact it needs is missing. */
  passed: z.boolean().nullable(),
  text: z.string(),
  citation: Citation,
  /** The values the condition compared, as entered or derived. */
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export type Reason = z.infer<typeof Reason>;

export const Period = z.object({
  label: z.string(),
  months: z.number().optional(),
  days: z.number().optional(),
  amount: Money,
  unit: z.enum(["month", "day", "once"]),
});
export type Period = z.infer<typeof Period>;

/** Money (2 decimals), counts, dates, flags and labels such as the CRP scenario. */
export const AmountValue = z.union([z.string(), z.number(), z.boolean()]);

/**
 * One step of the working of an amount: its value, its formula in words with the numbers, and the steps it used; a
 * constant carries its citation, a dated parameter its `{ id, from, value }`. The root step's value is the amount.
 */
export type WorkingStep = {
  name: string;
  label: string;
  value: string | number | boolean;
  /** FRF or EUR for money; hour, day, week, month, year, km, employee or date otherwise. */
  unit?: string;
  formula?: string;
  citation?: Citation;
  parameter?: { id: string; from: string | null; value: string };
  steps?: WorkingStep[];
};
export const WorkingStep: z.ZodType<WorkingStep> = z.lazy(() =>
  z.object({
    name: z.string(),
    label: z.string(),
    value: AmountValue,
    unit: z.string().optional(),
    formula: z.string().optional(),
    citation: Citation.optional(),
    parameter: z.object({ id: z.string(), from: IsoDate.nullable(), value: z.string() }).optional(),
    steps: z.array(WorkingStep).optional(),
  }),
);

export const Result = z.object({
  aid: z.string(),
  date: IsoDate,
  status: Status,
  currency: Currency,
  amounts: z.record(z.string(), AmountValue),
  /** Figures beyond the contract's amounts (rules/<aid>/aid.json `details`). */
  details: z.record(z.string(), AmountValue).optional(),
  periods: z.array(Period),
  missing: z.array(z.string()),
  reasons: z.array(Reason),
  legalBasis: z.array(Citation),
  authority: z.string().nullable(),
  notes: z.array(z.string()),
  /** The rules that produced this Result: the newest rules/CHANGELOG.md entry and a content hash. */
  rulesVersion: z.string(),
  /** The rule version applied (one article version). */
  version: z.string().nullable(),
  title: z.string(),
  capApplied: z.boolean().optional(),
  /** Benefits the texts grant without fixing an amount here (travel costs, furniture moving, …). */
  entitlements: z.array(z.string()).optional(),
  /** Who pays: employer, State (FNE), unemployment insurance (ASSEDIC), for plan totals. */
  costs: z.object({ employer: Money, state: Money, employee: Money }).optional(),
  /** For each amount, the tree of named steps that produced it (eligible results; not in a plan's brief detail). */
  working: z.record(z.string(), WorkingStep).optional(),
  /** The dated parameters read, with their legal reference (or the case's override). */
  parameters: z
    .array(
      z.object({
        id: z.string(),
        at: IsoDate,
        value: z.string(),
        from: IsoDate.nullable(),
        reference: z.string().nullable(),
        overridden: z.boolean(),
      }),
    )
    .optional(),
  /** With no_law: the versions around the date, and the successor text. */
  nearestVersions: z.array(z.object({ id: z.string(), validFrom: IsoDate.nullable(), validTo: IsoDate.nullable() })).optional(),
  successor: z.object({ articles: z.array(z.string()), from: IsoDate }).optional(),
});
export type Result = z.infer<typeof Result>;

export const Screening = z.object({ date: IsoDate, rulesVersion: z.string(), results: z.array(Result) });
export type Screening = z.infer<typeof Screening>;

export const ErrorIssue = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof ErrorIssue>;
/**
 * invalid_request: a bad query, path parameter or HTTP request (GET routes, malformed HTTP); too_many_requests: the
 * client's rate is over the limit; internal_error: a bug of ours, never the client's input.
 */
export const ErrorCode = z.enum([
  "invalid_case",
  "invalid_plan",
  "invalid_request",
  "payload_too_large",
  "unsupported_media_type",
  "not_found",
  "unauthorized",
  "forbidden",
  "too_many_requests",
  "internal_error",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;
export const ErrorBody = z.object({
  error: z.object({ code: ErrorCode, message: z.string(), issues: z.array(ErrorIssue) }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const PlanEmployee = z.strictObject({
  id: z.string().min(1),
  aid: z.string().min(1).optional(),
  facts: Facts.default({}),
});
export const Scenario = z.strictObject({
  name: z.string().min(1),
  employer: z.record(z.string(), z.union([z.boolean(), z.number()])).optional(),
  facts: Facts.optional(),
});
export const Plan = InputObject({
  date: IsoDate,
  employer: z.strictObject({ headcount: z.number().int().nonnegative(), proposesCRP: z.boolean().optional() }),
  /** Employees are checked one by one so that a bad row never stops the others. */
  employees: z.array(z.unknown()),
  parameters: ParameterOverrides.optional(),
  scenarios: z.array(Scenario).optional(),
  lang: Lang.optional(),
});
export type Plan = z.infer<typeof Plan>;
export type PlanInput = z.input<typeof Plan>;

export const Totals = z.object({ employerCost: Money, stateCost: Money, employeeAllocations: Money });
export type Totals = z.infer<typeof Totals>;
export const Counts = z.object({
  eligible: z.number().int(),
  ineligible: z.number().int(),
  undetermined: z.number().int(),
  no_law: z.number().int(),
  invalid: z.number().int(),
});
export type Counts = z.infer<typeof Counts>;

export const EmployeeResult = z.union([
  z.object({ id: z.string(), results: z.array(Result) }),
  /** `line`: the row's line in a plan file (CSV or xlsx), absent for a JSON plan. */
  z.object({ id: z.string(), line: z.number().int().positive().optional(), error: ErrorBody.shape.error }),
]);
export type EmployeeResult = z.infer<typeof EmployeeResult>;

export const PlanResult = z.object({
  date: IsoDate,
  currency: Currency,
  employees: z.array(EmployeeResult),
  totals: Totals,
  counts: Counts,
  rulesVersion: z.string(),
  scenarios: z
    .array(z.object({ name: z.string(), totals: Totals, counts: Counts, difference: Totals }))
    .optional(),
});
export type PlanResult = z.infer<typeof PlanResult>;
