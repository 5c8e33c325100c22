/** The plan simulator's worker: parses and evaluates a CSV plan off the main thread, posting progress. */
import { runPlanCsv, type PlanMessage, type PlanRequest } from "./plan-run.ts";

const scope = self as unknown as { postMessage(m: PlanMessage): void; onmessage: ((e: MessageEvent<PlanRequest>) => void) | null };
scope.onmessage = (e) => runPlanCsv(e.data, (m) => scope.postMessage(m));
