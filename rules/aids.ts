/**
 * The aids' formulas, by the name a rule version gives in `formula`: one line per aid (rules/<aid>/formula.ts).
 * Adding an aid: its folder under rules/ and its line here. The engine gets them through rules/index.ts.
 */
export { aides_individuelles } from "./aides_individuelles/formula.ts";
export { asfne } from "./asfne/formula.ts";
export { atd } from "./atd/formula.ts";
export { conversion } from "./conversion/formula.ts";
export { crp } from "./crp/formula.ts";
export { double_residence } from "./double_residence/formula.ts";
export { job_search_indemnity } from "./job_search_indemnity/formula.ts";
export { mobility_transfer } from "./mobility_transfer/formula.ts";
export { mobility_transfer_l322_3 } from "./mobility_transfer_l322_3/formula.ts";
export { prp } from "./prp/formula.ts";
export { relocation } from "./relocation/formula.ts";
export { temps_partiel } from "./temps_partiel/formula.ts";
export { training_lodging } from "./training_lodging/formula.ts";
export { transport_voucher } from "./transport_voucher/formula.ts";
export { youth_mobility } from "./youth_mobility/formula.ts";
