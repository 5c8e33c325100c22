/**
 * The tables, as Kysely types them (one schema, `fne`; migrations.ts creates it). Timestamps are written by the
 * database (`now()`), JSON columns are written as JSON text and read back parsed.
 */
import type { ColumnType, Generated } from "kysely";
import type { AuditAction, Role, Status } from "@fne/schema";

/** Set by the database on insert, never updated. */
type CreatedAt = ColumnType<Date, never, never>;
/** json(b): JSON text in, the parsed value out. */
type Json = ColumnType<unknown, string, never>;

export interface OrganisationTable {
  id: string;
  name: string;
  created_at: CreatedAt;
}

export interface TokenTable {
  id: string;
  organisation_id: string;
  role: Role;
  label: string | null;
  /** SHA-256 of the token's secret, hex: the token itself is printed once and never stored. */
  secret_hash: string;
  created_at: CreatedAt;
  revoked_at: ColumnType<Date | null, never, Date>;
}

export interface SessionTable {
  /** SHA-256 of the cookie's secret, hex. */
  secret_hash: string;
  token_id: string;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, Date, never>;
}

export interface DossierTable {
  id: string;
  organisation_id: string;
  reference: string;
  created_by: string;
  created_at: CreatedAt;
}

export interface EvaluationTable {
  /** Insertion order (identity): the history's order, and the recheck's cursor. */
  seq: Generated<string>;
  id: string;
  dossier_id: string;
  actor: string;
  actor_role: string | null;
  actor_label: string | null;
  case: Json;
  result: Json;
  rules_version: string;
  status: Status;
  recheck_of: string | null;
  at: CreatedAt;
}

export interface AuditTable {
  seq: Generated<string>;
  at: CreatedAt;
  organisation_id: string | null;
  actor: string;
  actor_role: string | null;
  actor_label: string | null;
  action: AuditAction;
  dossier_id: string | null;
  rules_version: string | null;
  detail: ColumnType<unknown, string | null, never>;
}

export interface SavedPlanTable {
  id: string;
  organisation_id: string;
  name: string;
  actor: string;
  plan: Json;
  result: Json;
  rules_version: string;
  created_at: CreatedAt;
}

export type JobKind = "plan" | "recheck";
export type JobState = "queued" | "active" | "completed" | "failed";

/** A job (jobs.ts): a large plan or a recheck, worked by the queue in parts. */
export interface JobTable {
  id: string;
  kind: JobKind;
  state: JobState;
  /** Rows to do (a plan's employees; a recheck's are not known ahead: 0 until it ends). */
  total: number;
  /** The request that made the job (its X-Request-Id), carried into every log line of its work. */
  request_id: string | null;
  /** Whose job it is: a recheck's organisation (its result is theirs only); null for a plan (public calculator). */
  organisation_id: string | null;
  /** What the work needs beyond its parts (a plan's envelope, detail, output columns), as JSON text. */
  spec: string;
  /** The finished result's summary (a plan's totals and counts; a recheck's result), as JSON text. */
  summary: string | null;
  error: string | null;
  created_at: CreatedAt;
  started_at: Date | null;
  finished_at: Date | null;
}

/** A part of a job: its input and, once done, its output (written once: a retried part finds it done). */
export interface JobPartTable {
  job_id: string;
  idx: number;
  rows: number;
  input: string | null;
  output: string | null;
  /** The part's running totals (JSON text), merged in order into the job's summary. */
  tallies: string | null;
  done_at: Date | null;
}

export interface Tables {
  organisations: OrganisationTable;
  tokens: TokenTable;
  sessions: SessionTable;
  dossiers: DossierTable;
  evaluations: EvaluationTable;
  audit: AuditTable;
  saved_plans: SavedPlanTable;
  jobs: JobTable;
  job_parts: JobPartTable;
}
