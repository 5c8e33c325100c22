/** The amount formulas, by the name a rule version gives in `formula`. */
import type { Formula } from "../formula.ts";
import { atd } from "./atd.ts";

export const formulas: Record<string, Formula> = { atd };
