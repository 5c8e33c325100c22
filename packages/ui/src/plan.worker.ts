/**
 * The plan simulator's worker: parses and evaluates a CSV plan off the main thread, posting progress; keeps the
 * rows and answers the table's pages and the CSV export, so that the page never holds 10,000 rows.
 */
import { getRuntime } from "@fne/engine";
import { pageOf, resultsCsv, runPlanCsv, type PlanCommand, type PlanMessage, type PlanRows } from "./plan-run.ts";

const scope = self as unknown as { postMessage(m: PlanMessage): void; onmessage: ((e: MessageEvent<PlanCommand>) => void) | null };
let data: PlanRows | undefined;
scope.onmessage = ({ data: cmd }) => {
  if (cmd.type === "run") data = runPlanCsv(cmd.req, (m) => scope.postMessage(m));
  else if (data && cmd.type === "view") scope.postMessage({ type: "view", page: pageOf(data, cmd.query) });
  else if (data && cmd.type === "export") scope.postMessage({ type: "csv", text: resultsCsv(data, cmd.query) });
};
// Load and compile the rules while the user picks a file.
getRuntime();
