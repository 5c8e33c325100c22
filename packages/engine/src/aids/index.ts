/** The amount formulas, by the name a rule version gives in `formula`. */
import type { Formula } from "../formula.ts";
import { atd } from "./atd.ts";
import {
  double_residence,
  job_search_indemnity,
  mobility_transfer,
  mobility_transfer_l322_3,
  relocation,
  training_lodging,
  transport_voucher,
  youth_mobility,
} from "./mobility.ts";

export const formulas: Record<string, Formula> = {
  atd,
  mobility_transfer,
  mobility_transfer_l322_3,
  double_residence,
  training_lodging,
  job_search_indemnity,
  transport_voucher,
  relocation,
  youth_mobility,
};
