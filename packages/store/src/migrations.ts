/**
 * One schema (`fne`) and one list of migrations, for PGlite and PostgreSQL alike, run at start-up by Kysely's
 * Migrator (on a server it takes an advisory lock: replicas starting together migrate once). The list is in
 * code, not read from a folder, so that the bundled `pnpm api` carries it. The job queue (pg-boss, queue.ts) keeps
 * its own schema (`pgboss`) in the same database, created by pg-boss at start-up.
 */
import { sql, type Kysely } from "kysely";
import { Migrator, type Migration } from "kysely/migration";
import { AuditAction, Role, Status } from "@fne/schema";

export const SCHEMA = "fne";

/** `col in ('a', 'b')` over one of our enums (constants of the code, never input). */
const oneOf = (column: string, values: readonly string[]) => sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    const s = db.schema.withSchema(SCHEMA);
    const createdAt = "created_at";
    await s
      .createTable("organisations")
      .addColumn("id", "uuid", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull().unique())
      .addColumn(createdAt, "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await s
      .createTable("tokens")
      .addColumn("id", "uuid", (c) => c.primaryKey())
      .addColumn("organisation_id", "uuid", (c) => c.notNull().references(`${SCHEMA}.organisations.id`))
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("label", "text")
      .addColumn("secret_hash", "text", (c) => c.notNull())
      .addColumn(createdAt, "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("revoked_at", "timestamptz")
      .addCheckConstraint("tokens_role", oneOf("role", Role.options))
      .execute();
    await s
      .createTable("sessions")
      .addColumn("secret_hash", "text", (c) => c.primaryKey())
      .addColumn("token_id", "uuid", (c) => c.notNull().references(`${SCHEMA}.tokens.id`).onDelete("cascade"))
      .addColumn(createdAt, "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("expires_at", "timestamptz", (c) => c.notNull())
      .execute();
    await s.createIndex("sessions_expires").on("sessions").column("expires_at").execute();
    await s
      .createTable("dossiers")
      .addColumn("id", "uuid", (c) => c.primaryKey())
      .addColumn("organisation_id", "uuid", (c) => c.notNull().references(`${SCHEMA}.organisations.id`))
      .addColumn("reference", "text", (c) => c.notNull())
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn(createdAt, "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await s.createIndex("dossiers_organisation").on("dossiers").columns(["organisation_id", "created_at"]).execute();
    await s
      .createTable("evaluations")
      .addColumn("seq", "bigint", (c) => c.generatedAlwaysAsIdentity().primaryKey())
      .addColumn("id", "uuid", (c) => c.notNull().unique())
      // Erasing a dossier erases its evaluations (the audit trail keeps the events, without the data).
      .addColumn("dossier_id", "uuid", (c) => c.notNull().references(`${SCHEMA}.dossiers.id`).onDelete("cascade"))
      .addColumn("actor", "text", (c) => c.notNull())
      .addColumn("actor_role", "text")
      .addColumn("actor_label", "text")
      // json, not jsonb: the case and the Result are kept as the very text that was answered (keys in order).
      .addColumn("case", "json", (c) => c.notNull())
      .addColumn("result", "json", (c) => c.notNull())
      .addColumn("rules_version", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("recheck_of", "uuid", (c) => c.references(`${SCHEMA}.evaluations.id`).onDelete("cascade"))
      .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addCheckConstraint("evaluations_status", oneOf("status", Status.options))
      .execute();
    await s.createIndex("evaluations_dossier").on("evaluations").columns(["dossier_id", "seq"]).execute();
    // The rechecks of an evaluation, newest last: what a recheck compares with and whether one is due.
    await s.createIndex("evaluations_recheck_of").on("evaluations").columns(["recheck_of", "seq"]).execute();
    await s
      .createTable("audit")
      .addColumn("seq", "bigint", (c) => c.generatedAlwaysAsIdentity().primaryKey())
      .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("organisation_id", "uuid", (c) => c.references(`${SCHEMA}.organisations.id`))
      .addColumn("actor", "text", (c) => c.notNull())
      .addColumn("actor_role", "text")
      .addColumn("actor_label", "text")
      .addColumn("action", "text", (c) => c.notNull())
      // No foreign key: the event outlives the erased dossier.
      .addColumn("dossier_id", "uuid")
      .addColumn("rules_version", "text")
      .addColumn("detail", "jsonb")
      .addCheckConstraint("audit_action", oneOf("action", AuditAction.options))
      .execute();
    await s.createIndex("audit_organisation").on("audit").columns(["organisation_id", "seq"]).execute();
    await s.createIndex("audit_dossier").on("audit").columns(["dossier_id", "seq"]).execute();
    await s
      .createTable("saved_plans")
      .addColumn("id", "uuid", (c) => c.primaryKey())
      .addColumn("organisation_id", "uuid", (c) => c.notNull().references(`${SCHEMA}.organisations.id`))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("actor", "text", (c) => c.notNull())
      .addColumn("plan", "json", (c) => c.notNull())
      .addColumn("result", "json", (c) => c.notNull())
      .addColumn("rules_version", "text", (c) => c.notNull())
      .addColumn(createdAt, "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await s.createIndex("saved_plans_organisation").on("saved_plans").columns(["organisation_id", "created_at"]).execute();

    // The database itself refuses to rewrite history, whoever asks: the audit trail is append-only (no UPDATE,
    // DELETE or TRUNCATE) and a stored evaluation is never updated (erasure deletes it with its dossier).
    await sql`create function fne.refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception '% on %.% refused: %', tg_op, tg_table_schema, tg_table_name, tg_argv[0] using errcode = 'insufficient_privilege';
      end $$`.execute(db);
    await sql`create trigger audit_append_only before update or delete on fne.audit
      for each row execute function fne.refuse_change('the audit trail is append-only')`.execute(db);
    await sql`create trigger audit_no_truncate before truncate on fne.audit
      for each statement execute function fne.refuse_change('the audit trail is append-only')`.execute(db);
    await sql`create trigger evaluations_never_rewritten before update on fne.evaluations
      for each row execute function fne.refuse_change('stored evaluations are never rewritten')`.execute(db);
  },
};

/** Jobs (jobs.ts): large plans and rechecks, each in parts that the queue's workers do once each. */
const jobs: Migration = {
  async up(db: Kysely<unknown>) {
    const s = db.schema.withSchema(SCHEMA);
    await s
      .createTable("jobs")
      .addColumn("id", "uuid", (c) => c.primaryKey())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("state", "text", (c) => c.notNull())
      .addColumn("total", "integer", (c) => c.notNull())
      .addColumn("request_id", "text")
      .addColumn("organisation_id", "uuid", (c) => c.references(`${SCHEMA}.organisations.id`).onDelete("cascade"))
      .addColumn("spec", "text", (c) => c.notNull())
      .addColumn("summary", "text")
      .addColumn("error", "text")
      .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("started_at", "timestamptz")
      .addColumn("finished_at", "timestamptz")
      .addCheckConstraint("jobs_kind", oneOf("kind", ["plan", "recheck"]))
      .addCheckConstraint("jobs_state", oneOf("state", ["queued", "active", "completed", "failed"]))
      .execute();
    await s.createIndex("jobs_state").on("jobs").columns(["state", "finished_at"]).execute();
    await s
      .createTable("job_parts")
      .addColumn("job_id", "uuid", (c) => c.notNull().references(`${SCHEMA}.jobs.id`).onDelete("cascade"))
      .addColumn("idx", "integer", (c) => c.notNull())
      .addColumn("rows", "integer", (c) => c.notNull())
      // text, not json: written and read back whole by the program, never queried inside.
      .addColumn("input", "text")
      .addColumn("output", "text")
      .addColumn("tallies", "text")
      .addColumn("done_at", "timestamptz")
      .addPrimaryKeyConstraint("job_parts_pkey", ["job_id", "idx"])
      .execute();
    // Rows done in the last minute, over every job (GET /metrics): the parts done lately.
    await s.createIndex("job_parts_done").on("job_parts").column("done_at").execute();
  },
};

/** Every migration, in order; names sort in the order they run. */
export const migrations: Record<string, Migration> = { "0001_initial": initial, "0002_jobs": jobs };

/** Brings the database to the newest schema; throws (naming the migration) when one fails. */
export async function migrate(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: SCHEMA,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`database migration ${failed ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
