/** A pretend rules change, for the recheck tests and the store benchmark. */
import * as rules from "@fne/rules";
import { loadRules, type Runtime } from "@fne/engine";

/**
 * The rules as they were before a (pretend) change: R322-6 guaranteeing 95 % of the prior pay in the first six
 * months instead of 90 %, under another rulesVersion. A recheck under today's rules must then report the change.
 */
export function olderRules(): Runtime {
  const file = structuredClone(rules.ruleVersionFiles["atd/R322-6.json"]) as { constants: { rateFirst6: { values: Array<{ value: string }> } } };
  file.constants.rateFirst6.values[0]!.value = "0.95";
  return loadRules({ ...rules, rulesVersion: "1.0.0+older", ruleVersionFiles: { ...rules.ruleVersionFiles, "atd/R322-6.json": file } });
}
