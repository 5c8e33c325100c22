/**
 * The dossier routes of the API, from the web app served by that API (same origin): the session cookie goes
 * along by itself; each POST and DELETE carries the session's CSRF token in X-CSRF-Token (README, CSRF).
 */
import type { CaseInput, Dossier, DossierSummary, ErrorIssue, Evaluation, RecheckResult, Session, Status } from "@fne/schema";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
  }
}

export interface DossierClient {
  /** The current session; ApiError 401 when signed out, code "no_api" when no API answers here. */
  session(): Promise<Session>;
  signIn(token: string): Promise<Session>;
  signOut(): Promise<void>;
  list(query: { q?: string; status?: Status | "" }): Promise<DossierSummary[]>;
  get(id: string): Promise<Dossier>;
  create(reference: string): Promise<Dossier>;
  evaluate(id: string, c: CaseInput): Promise<Evaluation>;
  reevaluate(id: string, evaluationId: string): Promise<Evaluation>;
  /** The dossier for the printed sheet (audited as an export). */
  sheet(id: string): Promise<Dossier>;
  exportUrl(id: string): string;
  erase(id: string): Promise<void>;
  recheck(): Promise<RecheckResult>;
  /** Any other route with the same session and CSRF token (the saved plans: saved-plans-api.ts). */
  call<T>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<T>;
}

/** `base`: where the API is, relative to the page ("" when the API serves the page). */
export function dossierClient(base = "", fetchImpl: typeof fetch = (...a) => fetch(...a)): DossierClient {
  let csrf: string | null = null;
  const url = (path: string) => `${base}${path}`;

  async function call<T>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["content-type"] = "application/json";
    if (method !== "GET" && csrf) headers["x-csrf-token"] = csrf;
    const res = await fetchImpl(url(path), { method, headers, credentials: "same-origin", ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    if (res.status === 204) return undefined as T;
    const type = res.headers.get("content-type") ?? "";
    if (!type.includes("application/json")) throw new ApiError(res.status, "no_api", `${path}: not the API (${type || "no content type"})`);
    const data: unknown = await res.json();
    if (!res.ok) {
      const e = (data as { error?: { code?: string; message?: string; issues?: ErrorIssue[] } }).error;
      throw new ApiError(res.status, e?.code ?? "unknown", e?.message ?? `HTTP ${res.status}`, e?.issues ?? []);
    }
    return data as T;
  }
  const keep = (s: Session) => {
    csrf = s.csrfToken;
    return s;
  };
  const qs = (q: Record<string, string | undefined>) => {
    const p = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => Boolean(e[1])));
    return p.size ? `?${p}` : "";
  };
  const path = (id: string) => `v1/dossiers/${encodeURIComponent(id)}`;

  return {
    session: () => call<Session>("GET", "v1/session").then(keep),
    signIn: (token) => call<Session>("POST", "v1/session", { token }).then(keep),
    signOut: async () => {
      await call<void>("DELETE", "v1/session");
      csrf = null;
    },
    list: (q) => call("GET", `v1/dossiers${qs({ q: q.q?.trim(), status: q.status || undefined })}`),
    get: (id) => call("GET", path(id)),
    create: (reference) => call("POST", "v1/dossiers", { reference }),
    evaluate: (id, c) => call("POST", `${path(id)}/evaluations`, { case: c }),
    reevaluate: (id, evaluationId) => call("POST", `${path(id)}/evaluations`, { recheckOf: evaluationId }),
    sheet: (id) => call("GET", `${path(id)}/export?format=sheet`),
    exportUrl: (id) => url(`${path(id)}/export`),
    erase: (id) => call("DELETE", path(id)),
    recheck: () => call("POST", "v1/recheck"),
    call,
  };
}
