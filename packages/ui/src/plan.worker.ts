/**
 * The plan simulator's worker: reads and evaluates a plan file off the main thread, posting progress; keeps the
 * rows and answers the table's pages, a row's full Result and the exports, so that the page never holds the plan.
 */
import { getRuntime } from "@fne/engine";
import { exportFile, pageOf, runPlanFile, type PlanCommand, type PlanData, type PlanMessage } from "./plan-run.ts";

const scope = self as unknown as { postMessage(m: PlanMessage, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<PlanCommand>) => void) | null };
let data: PlanData | undefined;
/** The run in progress: "save this plan" may be asked while the comparison is still computed. */
let running: Promise<PlanData | undefined> = Promise.resolve(undefined);
scope.onmessage = async ({ data: cmd }) => {
  if (cmd.type === "run") data = await (running = runPlanFile(cmd.req, (m) => scope.postMessage(m)));
  else if (cmd.type === "plan") {
    const ran = await running;
    if (ran) scope.postMessage({ type: "plan", saved: ran.saved });
  } else if (!data) return;
  else if (cmd.type === "view") scope.postMessage({ type: "view", page: pageOf(data, cmd.query) });
  else if (cmd.type === "detail") scope.postMessage({ type: "detail", n: cmd.n, employee: data.results[cmd.n - 1]! });
  else if (cmd.type === "export") {
    const file = await exportFile(data, cmd.format);
    scope.postMessage(file, [file.bytes.buffer as ArrayBuffer]);
  }
};
// Load and compile the rules while the user picks a file.
getRuntime();
