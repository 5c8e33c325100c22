/** The store's settings, from the environment (README "Storage"); zod names a bad variable. */
import { z } from "zod";

const positiveInt = (name: string) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(1, `${name} must be at least 1`));

export const StoreEnv = z.object({
  /** A PostgreSQL server (postgres://user:password@host:port/database). Unset: the embedded PGlite. */
  DATABASE_URL: z.string().url("DATABASE_URL must be a postgres:// URL").optional(),
  /** PGlite's data directory. */
  FNE_DATA_DIR: z.string().min(1).default("./data"),
  /** Dossiers with no activity (creation or evaluation) for this many days are erased (at start-up and by `pnpm admin erase-expired`). Unset: kept. */
  FNE_RETENTION_DAYS: positiveInt("FNE_RETENTION_DAYS").optional(),
  /** How long a web sign-in lasts. */
  FNE_SESSION_HOURS: positiveInt("FNE_SESSION_HOURS").default(8),
  /** Connections of this process to the server. */
  FNE_DB_POOL: positiveInt("FNE_DB_POOL").default(10),
});

export interface StoreConfig {
  databaseUrl?: string | undefined;
  dataDir: string;
  retentionDays?: number | undefined;
  sessionHours: number;
  poolSize: number;
}

export function storeConfigFromEnv(env: Record<string, string | undefined>): StoreConfig {
  const parsed = StoreEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([k, v]) => k in StoreEnv.shape && v !== "")));
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.FNE_DATA_DIR,
    retentionDays: e.FNE_RETENTION_DAYS,
    sessionHours: e.FNE_SESSION_HOURS,
    poolSize: e.FNE_DB_POOL,
  };
}
