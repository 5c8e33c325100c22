/**
 * What one plan request may ask of the server (issue 13): a bounded amount of work and of output, so that one
 * client cannot hold the others. Each cap is said in the error that reports it.
 */
import type { PlanCaps } from "@fne/planfile";

export interface PlanLimits extends PlanCaps {
  /** Past the body limit, the upload is still read (and dropped) up to this many bytes, so that the client sees
   * the 413 rather than a connection reset (Node's fetch reports EPIPE otherwise); beyond it the socket is closed. */
  drainBytes: number;
  /** Worker threads evaluating plans (one core is left to the event loop: /health and the small requests). */
  workers: number;
}

export const planLimits: PlanLimits = {
  // A 100,000-row CSV is about 6 MB; its JSON answer about 150 MB.
  rows: 100_000,
  // A scenario re-runs every row: the comparisons an employer makes (offer the CRP or not, a headcount) are few.
  scenarios: 8,
  // A row without `aid` is screened against every aid, each result in full: 30,000 such rows gave 526 MB.
  results: 100_000,
  // CPU: results × (1 + scenarios); 100,000 rows with three scenarios.
  evaluations: 400_000,
  drainBytes: 128 * 1024 * 1024,
  workers: 1,
};
