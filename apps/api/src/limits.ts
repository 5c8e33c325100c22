/**
 * What one request may ask of the server, in one place (README "Limits"), each settable by an environment
 * variable of `pnpm api`. The limits of the numbers in a case (digits, facts, parameters) are the contract's:
 * INPUT_LIMITS in packages/schema, shared with the CLI, the web app and the widget.
 */
export interface Limits {
  /**
   * Body of POST /v1/evaluate (LIMIT_CASE_BYTES): a case is a few hundred bytes, a screening with every fact of
   * every aid 2 kB; 64 KiB is thirty times that, and bounds what parsing one body costs (1 MiB of JSON with
   * 60,000 names took the event loop 40 ms to parse alone).
   */
  caseBytes: number;
  /** Body of POST /v1/plans: 100,000 employees fit in 50 MiB (LIMIT_PLAN_BYTES). */
  planBytes: number;
  /**
   * A body over its route's limit is read and dropped up to this many bytes before the 413 (LIMIT_DISCARD_BYTES):
   * a client still sending would otherwise be cut off and never see the answer. Beyond it the connection is closed.
   */
  discardBytes: number;
  /** Issues listed in one Error (LIMIT_ERROR_ISSUES); the Error says how many more there were. */
  issues: number;
  /** Request line and headers (LIMIT_HEADER_BYTES): 431 beyond. */
  headerBytes: number;
  /** Time to receive a whole request (LIMIT_REQUEST_SECONDS): 408 beyond. */
  requestSeconds: number;
  /** Requests per client (IP address) per window on every route but /health (RATE_LIMIT_MAX; 0: no limit). */
  rateMax: number;
  /** The rate limit's window in seconds (RATE_LIMIT_WINDOW_SECONDS). */
  rateWindowSeconds: number;
  /** After SIGTERM, requests in flight get this long to finish before their connections are closed (SHUTDOWN_SECONDS). */
  shutdownSeconds: number;
  // Plans: rows, scenarios and the work one plan may ask (set with the plan engine).
}

const MiB = 1024 * 1024;

/** Routes a load balancer or a monitor polls: never rate limited. */
export const MONITORING_ROUTES = ["/health", "/ready", "/metrics"];

export const limits: Limits = {
  caseBytes: 64 * 1024,
  planBytes: 50 * MiB,
  discardBytes: 64 * MiB,
  issues: 100,
  headerBytes: 16 * 1024,
  requestSeconds: 300,
  rateMax: 600,
  rateWindowSeconds: 60,
  shutdownSeconds: 10,
};

/** The environment variable of each limit. */
const ENV: Record<keyof Limits, string> = {
  caseBytes: "LIMIT_CASE_BYTES",
  planBytes: "LIMIT_PLAN_BYTES",
  discardBytes: "LIMIT_DISCARD_BYTES",
  issues: "LIMIT_ERROR_ISSUES",
  headerBytes: "LIMIT_HEADER_BYTES",
  requestSeconds: "LIMIT_REQUEST_SECONDS",
  rateMax: "RATE_LIMIT_MAX",
  rateWindowSeconds: "RATE_LIMIT_WINDOW_SECONDS",
  shutdownSeconds: "SHUTDOWN_SECONDS",
};

/** The limits set in the environment; a value that is not a number of zero or more stops the start with its name. */
export function limitsFromEnv(env: Record<string, string | undefined>): Partial<Limits> {
  const out: Partial<Limits> = {};
  for (const [key, name] of Object.entries(ENV) as Array<[keyof Limits, string]>) {
    const raw = env[name];
    if (raw === undefined || raw === "") continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name}=${raw}: expected a number, zero or more`);
    out[key] = n;
  }
  return out;
}
