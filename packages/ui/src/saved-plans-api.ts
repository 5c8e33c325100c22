/**
 * An employer's saved plans (README "Routes": POST/GET /v1/saved-plans, GET/DELETE /v1/saved-plans/:id), with the
 * session of the dossier screens (dossier-api.ts: the cookie, the CSRF token); and the plan the simulator saves,
 * built from the file it read.
 */
import type { PreparedPlan } from "@fne/planfile";
import type { SavedPlan, SavedPlanSummary } from "@fne/schema";
import { dossierClient, type DossierClient } from "./dossier-api.ts";
import { tr, type Lang } from "./i18n.ts";

export interface SavedPlansClient extends Pick<DossierClient, "session" | "signIn" | "signOut"> {
  list(): Promise<SavedPlanSummary[]>;
  /** The plan with its PlanResult (audited "plan_viewed"). */
  get(id: string): Promise<SavedPlan>;
  save(name: string, plan: SavablePlan["plan"]): Promise<SavedPlan>;
  erase(id: string): Promise<void>;
}

export function savedPlansClient(client: DossierClient = dossierClient()): SavedPlansClient {
  const path = (id: string) => `v1/saved-plans/${encodeURIComponent(id)}`;
  return {
    session: () => client.session(),
    signIn: (token) => client.signIn(token),
    signOut: () => client.signOut(),
    list: () => client.call("GET", "v1/saved-plans"),
    get: (id) => client.call("GET", path(id)),
    save: (name, plan) => client.call("POST", "v1/saved-plans", { name, plan }),
    erase: (id) => client.call("DELETE", path(id)),
  };
}

/** The simulator's plan as a JSON Plan (CONTRACT.md "Plan"), ready for POST /v1/saved-plans. */
export interface SavablePlan {
  plan: {
    date: string;
    employer: { headcount: number; proposesCRP: boolean };
    /** The other choice about the CRP: the comparison the simulator shows. */
    scenarios: Array<{ name: string; employer: { proposesCRP: boolean } }>;
    lang: Lang;
    employees: unknown[];
  };
  /**
   * Rows of the file that could not be read into a plan row (a bad cell, a separator too many): a JSON plan cannot
   * carry them as the file had them, so they are not saved, and the form names them before saving.
   */
  unreadable: Array<{ id: string; line: number }>;
}

export function savablePlan(p: Pick<PreparedPlan, "rows">, settings: { date: string; headcount: number; proposesCRP: boolean; lang: Lang }): SavablePlan {
  const { date, headcount, proposesCRP, lang } = settings;
  const employees: unknown[] = [];
  const unreadable: SavablePlan["unreadable"] = [];
  for (const r of p.rows) {
    if ("raw" in r) employees.push(r.raw);
    else unreadable.push({ id: r.invalid.id, line: r.line });
  }
  const other = !proposesCRP;
  return {
    plan: {
      date,
      employer: { headcount, proposesCRP },
      scenarios: [{ name: tr(lang, other ? "withCRP" : "withoutCRP"), employer: { proposesCRP: other } }],
      lang,
      employees,
    },
    unreadable,
  };
}

/** An error as a line of text. */
export const failure = (e: unknown) => (e instanceof Error ? e.message : String(e));
