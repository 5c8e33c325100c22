/** Query parameters of the HTTP API (apps/api); bodies are the contract's Case and Plan. */
import { z } from "zod";
import { IsoDate, Lang } from "./common.ts";

/** GET /v1/articles/:id and GET /v1/parameters/:id: the date to read at, and nothing else (an unknown parameter is refused). */
export const DateQuery = z.strictObject({ date: IsoDate });
export type DateQuery = z.infer<typeof DateQuery>;

/** POST /v1/plans: "brief" (default) leaves the compared values and interpretations out of each reason; "full" keeps them. */
export const PlanQuery = z.object({ detail: z.enum(["brief", "full"]).optional() });

/** POST /v1/plans with a text/csv body: the employer's facts, which a CSV of employees cannot carry. */
export const CsvPlanQuery = PlanQuery.extend({
  date: IsoDate,
  headcount: z
    .string()
    .regex(/^\d+$/, "expected a whole number of employees")
    .transform(Number)
    .pipe(z.number().int().max(Number.MAX_SAFE_INTEGER)),
  proposesCRP: z
    .enum(["true", "false"])
    .transform((x) => x === "true")
    .optional(),
  /** The language of the explanations and of a CSV answer's headers (a JSON plan carries its own `lang`). */
  lang: Lang.optional(),
});
export type CsvPlanQuery = z.infer<typeof CsvPlanQuery>;
