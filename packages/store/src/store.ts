/**
 * Dossiers, evaluations, accounts, sessions, saved plans and the audit trail, on the database of database.ts.
 * Every query of a caller is filtered by the caller's organisation: another organisation's dossier is simply not
 * found. Nothing lives in this process's memory that another API replica would need (sessions are rows).
 */
import { randomUUID } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import { evaluateParsed, getRuntime, InputError, parseCase, PlanRun, parsePlanEnvelope, type Runtime } from "@fne/engine";
import {
  Role,
  type PlanResult,
  type AuditAction,
  type AuditEvent,
  type Dossier,
  type DossierQuery,
  type DossierSummary,
  type Evaluation,
  type RecheckChange,
  type RecheckResult,
  type Result,
  type SavedPlan,
  type SavedPlanSummary,
  type Screening,
} from "@fne/schema";
import { openDatabase, type Database } from "./database.ts";
import type { StoreConfig } from "./config.ts";
import { outcomeOf, sameOutcome, statusOf } from "./outcome.ts";
import { csrfToken, newSession, newToken, readToken, sameHash, sessionHash } from "./secrets.ts";
import type { Tables } from "./tables.ts";

/** A caller signed in with a token: its organisation and role. */
export interface Principal {
  tokenId: string;
  organisationId: string;
  organisation: string;
  role: Role;
  label: string | null;
}

/** Who is written in the audit trail: a token, or the operator's `pnpm admin`, or the retention sweep. */
export interface Actor {
  id: string;
  role: string | null;
  label: string | null;
}
export const ADMIN: Actor = { id: "admin", role: "admin", label: null };
const RETENTION: Actor = { id: "retention", role: "system", label: null };
const actorOf = (p: Principal): Actor => ({ id: p.tokenId, role: p.role, label: p.label });

/** A request the store refuses: an unknown name, a duplicate; the message names it. */
export class StoreError extends Error {
  constructor(
    readonly code: "not_found" | "conflict" | "invalid",
    message: string,
  ) {
    super(message);
  }
}

type Db = Kysely<Tables> | Transaction<Tables>;
type Stored = Result | Screening;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An id from a URL: anything that is not a uuid names nothing (and never reaches a uuid column). */
const isId = (id: string) => UUID.test(id);
const iso = (d: Date | string) => new Date(d).toISOString();
/** `%` and `_` typed by a caseworker are searched for, not wildcards. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, "\\$&")}%`;
/** Rows per round of a recheck: one transaction each, so that a long recheck never holds the database. */
const RECHECK_BATCH = 200;

export interface StoreOptions {
  /** The rules evaluations are made with (the engine's by default; tests pass another to play a rules change). */
  runtime?: Runtime;
  sessionHours?: number;
}

export class Store {
  readonly db: Kysely<Tables>;
  readonly kind: Database["kind"];
  readonly location: string;
  readonly runtime: Runtime;
  readonly sessionHours: number;

  constructor(
    readonly database: Database,
    options: StoreOptions = {},
  ) {
    this.db = database.db;
    this.kind = database.kind;
    this.location = database.location;
    this.runtime = options.runtime ?? getRuntime();
    this.sessionHours = options.sessionHours ?? 8;
  }

  get rulesVersion() {
    return this.runtime.rulesVersion;
  }

  close() {
    return this.database.close();
  }

  /** The database answers (for GET /ready; migrations ran before the store existed). */
  async ready(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.db);
      return true;
    } catch {
      return false;
    }
  }

  private async audit(db: Db, actor: Actor, action: AuditAction, at: AuditAt) {
    await record(db, [auditRow(actor, action, at)]);
  }

  // ---- organisations and tokens (pnpm admin) -----------------------------------------------------------------

  async createOrganisation(name: string, actor: Actor = ADMIN) {
    const clean = name.trim();
    if (!clean) throw new StoreError("invalid", "an organisation needs a name");
    return this.db.transaction().execute(async (trx) => {
      const exists = await trx.selectFrom("organisations").select("id").where("name", "=", clean).executeTakeFirst();
      if (exists) throw new StoreError("conflict", `organisation "${clean}" exists already`);
      const id = randomUUID();
      await trx.insertInto("organisations").values({ id, name: clean }).execute();
      await this.audit(trx, actor, "organisation_created", { organisationId: id, detail: { name: clean } });
      return { id, name: clean };
    });
  }

  async listOrganisations() {
    return this.db.selectFrom("organisations").select(["id", "name", "created_at"]).orderBy("name").execute();
  }

  /** A new token: the returned `token` is shown once; only the hash of its secret is stored. */
  async createToken(input: { organisation: string; role: string; label?: string | undefined }, actor: Actor = ADMIN) {
    const role = Role.safeParse(input.role);
    if (!role.success) throw new StoreError("invalid", `role must be one of ${Role.options.join(", ")}, not "${input.role}"`);
    return this.db.transaction().execute(async (trx) => {
      const org = await trx.selectFrom("organisations").select(["id", "name"]).where("name", "=", input.organisation.trim()).executeTakeFirst();
      if (!org) throw new StoreError("not_found", `no organisation "${input.organisation}" (pnpm admin org create NAME)`);
      const t = newToken();
      const label = input.label?.trim() || null;
      await trx.insertInto("tokens").values({ id: t.id, organisation_id: org.id, role: role.data, label, secret_hash: t.secretHash }).execute();
      await this.audit(trx, actor, "token_created", { organisationId: org.id, detail: { token: t.id, role: role.data, label } });
      return { id: t.id, token: t.token, organisation: org.name, role: role.data, label };
    });
  }

  /** Revokes a token at once: its bearer and every session opened with it are refused from the next request on. */
  async revokeToken(id: string, actor: Actor = ADMIN) {
    const tokenId = isId(id) ? id : readToken(id)?.id;
    if (!tokenId) throw new StoreError("invalid", `"${id}" is not a token id`);
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom("tokens").select(["id", "organisation_id", "revoked_at"]).where("id", "=", tokenId).executeTakeFirst();
      if (!row) throw new StoreError("not_found", `no token ${tokenId}`);
      if (row.revoked_at) return { id: row.id, revokedAt: iso(row.revoked_at), already: true };
      const now = new Date();
      await trx.updateTable("tokens").set({ revoked_at: now }).where("id", "=", row.id).execute();
      await trx.deleteFrom("sessions").where("token_id", "=", row.id).execute();
      await this.audit(trx, actor, "token_revoked", { organisationId: row.organisation_id, detail: { token: row.id } });
      return { id: row.id, revokedAt: iso(now), already: false };
    });
  }

  async listTokens() {
    return this.db
      .selectFrom("tokens")
      .innerJoin("organisations", "organisations.id", "tokens.organisation_id")
      .select(["tokens.id", "organisations.name as organisation", "tokens.role", "tokens.label", "tokens.created_at", "tokens.revoked_at"])
      .orderBy("tokens.created_at")
      .execute();
  }

  private principalQuery() {
    return this.db
      .selectFrom("tokens")
      .innerJoin("organisations", "organisations.id", "tokens.organisation_id")
      .select(["tokens.id", "tokens.role", "tokens.label", "tokens.secret_hash", "tokens.organisation_id", "organisations.name"])
      .where("tokens.revoked_at", "is", null);
  }

  /** The caller of a bearer token; undefined for a malformed, unknown or revoked one. */
  async authenticate(token: string): Promise<Principal | undefined> {
    const t = readToken(token);
    if (!t) return undefined;
    const row = await this.principalQuery().where("tokens.id", "=", t.id).executeTakeFirst();
    if (!row || !sameHash(row.secret_hash, t.secretHash)) return undefined;
    return { tokenId: row.id, organisationId: row.organisation_id, organisation: row.name, role: row.role, label: row.label };
  }

  // ---- sessions (the web app's cookie) ------------------------------------------------------------------------

  async openSession(p: Principal) {
    const s = newSession();
    const expiresAt = new Date(Date.now() + this.sessionHours * 3600_000);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("sessions").where("expires_at", "<", new Date()).execute();
      await trx.insertInto("sessions").values({ secret_hash: s.secretHash, token_id: p.tokenId, expires_at: expiresAt }).execute();
      await this.audit(trx, actorOf(p), "signed_in", { organisationId: p.organisationId });
    });
    return { secret: s.secret, csrfToken: csrfToken(s.secret), expiresAt: iso(expiresAt) };
  }

  /** The caller of a session cookie: unknown, expired, or its token revoked → undefined. */
  async sessionPrincipal(secret: string): Promise<(Principal & { expiresAt: string }) | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
    const row = await this.principalQuery()
      .innerJoin("sessions", "sessions.token_id", "tokens.id")
      .select("sessions.expires_at")
      .where("sessions.secret_hash", "=", sessionHash(secret))
      .where("sessions.expires_at", ">", new Date())
      .executeTakeFirst();
    if (!row) return undefined;
    return { tokenId: row.id, organisationId: row.organisation_id, organisation: row.name, role: row.role, label: row.label, expiresAt: iso(row.expires_at) };
  }

  async closeSession(secret: string, p: Principal) {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("sessions").where("secret_hash", "=", sessionHash(secret)).execute();
      await this.audit(trx, actorOf(p), "signed_out", { organisationId: p.organisationId });
    });
  }

  // ---- dossiers ---------------------------------------------------------------------------------------------

  /** Evaluates a case with the store's rules; an invalid case is an InputError whose paths start at `prefix`. */
  private evaluate(input: unknown, prefix: string): Stored {
    try {
      return evaluateParsed(this.runtime, parseCase(this.runtime, input));
    } catch (e) {
      if (e instanceof InputError) {
        const issues = e.issues.map((i) => ({ ...i, path: i.path === "(root)" ? prefix : `${prefix}.${i.path}` }));
        throw new InputError(e.code, `${prefix}: ${e.message}`, issues);
      }
      throw e;
    }
  }

  private async insertEvaluation(db: Db, actor: Actor, dossierId: string, input: unknown, result: Stored, recheckOf: string | null = null) {
    const row = evaluationRow(actor, dossierId, input, result, recheckOf);
    const { at } = await db.insertInto("evaluations").values(row).returning("at").executeTakeFirstOrThrow();
    const evaluation: Evaluation = {
      id: row.id,
      at: iso(at),
      actor: actor.id,
      actorRole: actor.role,
      actorLabel: actor.label,
      case: input as Record<string, unknown>,
      result,
      rulesVersion: result.rulesVersion,
      status: row.status,
      recheckOf,
    };
    return evaluation;
  }

  /** POST /v1/dossiers: the dossier, and its first evaluation when a case is given. */
  async createDossier(p: Principal, input: { reference: string; case?: unknown }): Promise<Dossier> {
    const result = input.case === undefined ? undefined : this.evaluate(input.case, "case");
    const id = randomUUID();
    const actor = actorOf(p);
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("dossiers")
        .values({ id, organisation_id: p.organisationId, reference: input.reference, created_by: actor.id })
        .returning("created_at")
        .executeTakeFirstOrThrow();
      const events = [auditRow(actor, "created", { organisationId: p.organisationId, dossierId: id })];
      const evaluations: Evaluation[] = [];
      if (result) {
        evaluations.push(await this.insertEvaluation(trx, actor, id, input.case, result));
        events.push(auditRow(actor, "evaluated", { organisationId: p.organisationId, dossierId: id, rulesVersion: result.rulesVersion }));
      }
      await record(trx, events);
      return { id, reference: input.reference, organisation: p.organisation, createdAt: iso(row.created_at), status: evaluations[0]?.status ?? null, evaluations };
    });
  }

  /** GET /v1/dossiers: the organisation's dossiers, newest first, by reference and by the newest evaluation's status. */
  async listDossiers(p: Principal, query: DossierQuery = {}): Promise<DossierSummary[]> {
    const rows = await this.db
      .selectFrom("dossiers as d")
      .innerJoin("organisations as o", "o.id", "d.organisation_id")
      .leftJoinLateral(
        (eb) => eb.selectFrom("evaluations as e").select(["e.status", "e.at"]).whereRef("e.dossier_id", "=", "d.id").orderBy("e.seq", "desc").limit(1).as("latest"),
        (join) => join.onTrue(),
      )
      .select((eb) => [
        "d.id",
        "d.reference",
        "d.created_at",
        "o.name as organisation",
        "latest.status",
        "latest.at as last_at",
        eb.selectFrom("evaluations as c").select(eb.fn.countAll().as("n")).whereRef("c.dossier_id", "=", "d.id").as("evaluation_count"),
      ])
      .where("d.organisation_id", "=", p.organisationId)
      .$if(Boolean(query.q?.trim()), (qb) => qb.where("d.reference", "ilike", likePattern(query.q!.trim())))
      .$if(query.status !== undefined, (qb) => qb.where("latest.status", "=", query.status!))
      .orderBy("d.created_at", "desc")
      .orderBy("d.id")
      .limit(query.limit ?? 100)
      .offset(query.offset ?? 0)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      organisation: r.organisation,
      createdAt: iso(r.created_at),
      status: r.status ?? null,
      evaluationCount: Number(r.evaluation_count ?? 0),
      lastEvaluatedAt: r.last_at ? iso(r.last_at) : null,
    }));
  }

  /** The organisation's dossier with its evaluations, oldest first; undefined when the organisation has none of that id. */
  private async loadDossier(db: Db, p: Principal, id: string): Promise<Dossier | undefined> {
    if (!isId(id)) return undefined;
    const d = await db
      .selectFrom("dossiers")
      .innerJoin("organisations", "organisations.id", "dossiers.organisation_id")
      .select(["dossiers.id", "dossiers.reference", "dossiers.created_at", "organisations.name"])
      .where("dossiers.id", "=", id)
      .where("dossiers.organisation_id", "=", p.organisationId)
      .executeTakeFirst();
    if (!d) return undefined;
    const rows = await db.selectFrom("evaluations").selectAll().where("dossier_id", "=", id).orderBy("seq").execute();
    const evaluations = rows.map(
      (r): Evaluation => ({
        id: r.id,
        at: iso(r.at),
        actor: r.actor,
        actorRole: r.actor_role,
        actorLabel: r.actor_label,
        case: r.case as Record<string, unknown>,
        result: r.result as Stored,
        rulesVersion: r.rules_version,
        status: r.status,
        recheckOf: r.recheck_of,
      }),
    );
    return { id: d.id, reference: d.reference, organisation: d.name, createdAt: iso(d.created_at), status: evaluations.at(-1)?.status ?? null, evaluations };
  }

  /** GET /v1/dossiers/:id (audited "viewed") and its export (audited "exported", with the format). */
  async getDossier(p: Principal, id: string, audit: { action: "viewed" } | { action: "exported"; format: string } = { action: "viewed" }) {
    return this.db.transaction().execute(async (trx) => {
      const dossier = await this.loadDossier(trx, p, id);
      if (!dossier) return undefined;
      const detail = audit.action === "exported" ? { format: audit.format } : undefined;
      await this.audit(trx, actorOf(p), audit.action, { organisationId: p.organisationId, dossierId: id, ...(detail ? { detail } : {}) });
      return dossier;
    });
  }

  /**
   * POST /v1/dossiers/:id/evaluations: a new case, or `recheckOf` (one of the dossier's evaluations) to evaluate its
   * case again under today's rules. Concurrent calls each add their row: nothing is read and written back.
   */
  async addEvaluation(p: Principal, id: string, input: { case: unknown } | { recheckOf: string }): Promise<Evaluation | undefined> {
    if (!isId(id)) return undefined;
    let result: Stored | undefined;
    let caseInput: unknown;
    let recheckOf: string | null = null;
    if ("case" in input) {
      caseInput = input.case;
      result = this.evaluate(caseInput, "case");
    }
    const actor = actorOf(p);
    return this.db.transaction().execute(async (trx) => {
      const owned = await trx.selectFrom("dossiers").select("id").where("id", "=", id).where("organisation_id", "=", p.organisationId).executeTakeFirst();
      if (!owned) return undefined;
      if ("recheckOf" in input) {
        const original = isId(input.recheckOf)
          ? await trx.selectFrom("evaluations").select(["id", "case"]).where("id", "=", input.recheckOf).where("dossier_id", "=", id).executeTakeFirst()
          : undefined;
        if (!original) throw new StoreError("not_found", `no evaluation ${input.recheckOf} in this dossier`);
        caseInput = original.case;
        result = this.evaluate(caseInput, "case");
        recheckOf = original.id;
      }
      const evaluation = await this.insertEvaluation(trx, actor, id, caseInput, result!, recheckOf);
      await this.audit(trx, actor, recheckOf ? "rechecked" : "evaluated", {
        organisationId: p.organisationId,
        dossierId: id,
        rulesVersion: result!.rulesVersion,
        ...(recheckOf ? { detail: { evaluation: recheckOf } } : {}),
      });
      return evaluation;
    });
  }

  /** DELETE /v1/dossiers/:id: the person's data goes (dossier, cases, results); the audit keeps the event only. */
  async eraseDossier(p: Principal, id: string): Promise<boolean> {
    if (!isId(id)) return false;
    return this.db.transaction().execute(async (trx) => {
      const erased = await this.eraseRows(trx, [id], p.organisationId);
      if (!erased.length) return false;
      await this.audit(trx, actorOf(p), "erased", { organisationId: p.organisationId, dossierId: id, detail: { evaluations: erased[0]!.evaluations } });
      return true;
    });
  }

  private async eraseRows(trx: Db, ids: string[], organisationId?: string) {
    const counts = await trx
      .selectFrom("dossiers as d")
      .select((eb) => ["d.id", "d.organisation_id", eb.selectFrom("evaluations as e").select(eb.fn.countAll().as("n")).whereRef("e.dossier_id", "=", "d.id").as("n")])
      .where("d.id", "in", ids)
      .$if(organisationId !== undefined, (qb) => qb.where("d.organisation_id", "=", organisationId!))
      .forUpdate()
      .execute();
    if (counts.length) await trx.deleteFrom("dossiers").where("id", "in", counts.map((c) => c.id)).execute();
    return counts.map((c) => ({ id: c.id, organisationId: c.organisation_id, evaluations: Number(c.n ?? 0) }));
  }

  /**
   * Erases the dossiers with no activity (creation or evaluation) for `days` days, each audited "erased" by the
   * retention sweep. Returns how many went.
   */
  async eraseExpired(days: number, now = new Date()): Promise<number> {
    const limit = new Date(now.getTime() - days * 86_400_000);
    let total = 0;
    for (;;) {
      const done = await this.db.transaction().execute(async (trx) => {
        const expired = await trx
          .selectFrom("dossiers as d")
          .select("d.id")
          .where("d.created_at", "<", limit)
          .where((eb) => eb.not(eb.exists(eb.selectFrom("evaluations as e").select("e.id").whereRef("e.dossier_id", "=", "d.id").where("e.at", ">=", limit))))
          .limit(500)
          .execute();
        if (!expired.length) return 0;
        const erased = await this.eraseRows(trx, expired.map((e) => e.id));
        for (const e of erased) {
          await this.audit(trx, RETENTION, "erased", { organisationId: e.organisationId, dossierId: e.id, detail: { evaluations: e.evaluations, retentionDays: days } });
        }
        return erased.length;
      });
      total += done;
      if (!done) return total;
    }
  }

  // ---- recheck ----------------------------------------------------------------------------------------------

  /**
   * Every stored evaluation made under another rulesVersion is evaluated again under this one and the result added
   * as a new evaluation (`recheckOf` → the original; nothing is edited). Each original is rechecked once per
   * rules version, so a second call finds nothing new. `before` is the newest result of that case until now.
   * Only the organisation's dossiers when one is given (POST /v1/recheck); all of them for `pnpm admin recheck`.
   */
  async recheck(actor: Actor, scope: { organisationId?: string } = {}, onBatch?: (trx: Transaction<Tables>, part: Omit<RecheckResult, "rulesVersion">) => Promise<void>): Promise<RecheckResult> {
    const current = this.rulesVersion;
    const changed: RecheckChange[] = [];
    const refused: RecheckResult["refused"] = [];
    let checked = 0;
    let after = "0";
    for (;;) {
      // The batch first (in seq order from the cursor), then the newest recheck of each of its rows.
      const batch = this.db
        .selectFrom("evaluations as e")
        .innerJoin("dossiers as d", "d.id", "e.dossier_id")
        .select(["e.seq", "e.id", "e.dossier_id", "e.case", "e.result", "d.organisation_id", "d.reference"])
        .where("e.recheck_of", "is", null)
        .where("e.rules_version", "<>", current)
        .where("e.seq", ">", after)
        .where((eb) =>
          eb.not(eb.exists(eb.selectFrom("evaluations as r").select("r.id").whereRef("r.recheck_of", "=", "e.id").where("r.rules_version", "=", current))),
        )
        .$if(scope.organisationId !== undefined, (qb) => qb.where("d.organisation_id", "=", scope.organisationId!))
        .orderBy("e.seq")
        .limit(RECHECK_BATCH)
        .as("b");
      const rows = await this.db
        .selectFrom(batch)
        .leftJoinLateral(
          (eb) => eb.selectFrom("evaluations as t").select("t.result").whereRef("t.recheck_of", "=", "b.id").orderBy("t.seq", "desc").limit(1).as("latest"),
          (join) => join.onTrue(),
        )
        .select(["b.seq", "b.id", "b.dossier_id", "b.case", "b.result", "b.organisation_id", "b.reference", "latest.result as latest_result"])
        .orderBy("b.seq")
        .execute();
      if (!rows.length) break;
      after = String(rows.at(-1)!.seq);
      const redone = rows.map((r) => {
        const before = (r.latest_result ?? r.result) as Stored;
        // A case the rules now refuse (a fact renamed, a parameter gone) is kept as it was and reported.
        try {
          return { r, before, result: this.evaluate(r.case, "case") };
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          return { r, before, result: undefined, error: e.message };
        }
      });
      await this.db.transaction().execute(async (trx) => {
        // This batch's part of the result, handed to `onBatch` in the same transaction (a recheck job keeps it
        // with the evaluations it made: both are there, or neither, whenever the process dies).
        const part: Omit<RecheckResult, "rulesVersion"> = { checked: 0, changed: [], refused: [] };
        for (const x of redone) if (!x.result) part.refused.push({ dossier: x.r.dossier_id, reference: x.r.reference, original: x.r.id, message: x.error! });
        const ready = redone.filter((x) => x.result);
        // A dossier erased meanwhile gets nothing added (and keeps nobody waiting: FOR SHARE, then one insert each).
        const ids = [...new Set(ready.map((x) => x.r.dossier_id))];
        const alive = ids.length ? new Set((await trx.selectFrom("dossiers").select("id").where("id", "in", ids).forShare().execute()).map((d) => d.id)) : new Set<string>();
        const todo = ready.filter((x) => alive.has(x.r.dossier_id)).map((x) => ({ ...x, row: evaluationRow(actor, x.r.dossier_id, x.r.case, x.result!, x.r.id) }));
        if (todo.length) {
          await trx.insertInto("evaluations").values(todo.map((x) => x.row)).execute();
          await record(
            trx,
            todo.map((x) => auditRow(actor, "rechecked", { organisationId: x.r.organisation_id, dossierId: x.r.dossier_id, rulesVersion: current, detail: { evaluation: x.r.id } })),
          );
        }
        part.checked = todo.length;
        for (const { r, before, result, row } of todo) {
          const [b, a] = [outcomeOf(before), outcomeOf(result!)];
          if (!sameOutcome(b, a)) part.changed.push({ dossier: r.dossier_id, reference: r.reference, original: r.id, evaluation: row.id, before: b, after: a });
        }
        await onBatch?.(trx, part);
        checked += part.checked;
        changed.push(...part.changed);
        refused.push(...part.refused);
      });
    }
    return { rulesVersion: current, checked, changed, refused };
  }

  // ---- the audit trail --------------------------------------------------------------------------------------

  /**
   * GET /v1/audit: the organisation's events, newest first. With a dossier: its events, kept after its erasure;
   * undefined when the organisation never had that dossier (a 404, as for the dossier itself).
   */
  async auditTrail(p: Principal, query: { dossier?: string | undefined; limit?: number | undefined; before?: number | undefined } = {}): Promise<(AuditEvent & { seq: number })[] | undefined> {
    if (query.dossier !== undefined && !isId(query.dossier)) return undefined;
    const rows = await this.db
      .selectFrom("audit")
      .selectAll()
      .where("organisation_id", "=", p.organisationId)
      .$if(query.dossier !== undefined, (qb) => qb.where("dossier_id", "=", query.dossier!))
      .$if(query.before !== undefined, (qb) => qb.where("seq", "<", String(query.before)))
      .orderBy("seq", "desc")
      .limit(query.limit ?? 200)
      .execute();
    if (query.dossier !== undefined && !rows.length && query.before === undefined) return undefined;
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: iso(r.at),
      actor: r.actor,
      actorRole: r.actor_role,
      action: r.action,
      dossier: r.dossier_id,
      rulesVersion: r.rules_version,
      detail: (r.detail as Record<string, unknown> | null) ?? null,
    }));
  }

  // ---- saved plans ------------------------------------------------------------------------------------------

  /** POST /v1/saved-plans: the plan is evaluated now and kept with its PlanResult (scenarios included). */
  async savePlan(p: Principal, input: { name: string; plan: unknown }): Promise<SavedPlan> {
    const rt = this.runtime;
    const { ctx, employees } = parsePlanEnvelope(rt, input.plan, { detail: "brief" });
    const run = new PlanRun(rt, ctx);
    const rows = employees.map((e) => run.add(e));
    const { date, currency, ...rest } = run.summary();
    const result: PlanResult = { date, currency, employees: rows, ...rest };
    const id = randomUUID();
    const actor = actorOf(p);
    const createdAt = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("saved_plans")
        .values({ id, organisation_id: p.organisationId, name: input.name, actor: actor.id, plan: JSON.stringify(input.plan), result: JSON.stringify(result), rules_version: result.rulesVersion })
        .returning("created_at")
        .executeTakeFirstOrThrow();
      await this.audit(trx, actor, "plan_saved", { organisationId: p.organisationId, rulesVersion: result.rulesVersion, detail: { plan: id } });
      return row.created_at;
    });
    return { ...planSummary({ id, name: input.name, created_at: createdAt, actor: actor.id, rules_version: result.rulesVersion, result }), plan: input.plan as Record<string, unknown>, result };
  }

  async listPlans(p: Principal): Promise<SavedPlanSummary[]> {
    const rows = await this.db
      .selectFrom("saved_plans")
      .select(["id", "name", "created_at", "actor", "rules_version", "result"])
      .where("organisation_id", "=", p.organisationId)
      .orderBy("created_at", "desc")
      .execute();
    return rows.map((r) => planSummary({ ...r, result: r.result as PlanResult }));
  }

  async getPlan(p: Principal, id: string): Promise<SavedPlan | undefined> {
    if (!isId(id)) return undefined;
    return this.db.transaction().execute(async (trx) => {
      const r = await trx.selectFrom("saved_plans").selectAll().where("id", "=", id).where("organisation_id", "=", p.organisationId).executeTakeFirst();
      if (!r) return undefined;
      await this.audit(trx, actorOf(p), "plan_viewed", { organisationId: p.organisationId, detail: { plan: id } });
      const result = r.result as PlanResult;
      return { ...planSummary({ ...r, result }), plan: r.plan as Record<string, unknown>, result };
    });
  }

  async erasePlan(p: Principal, id: string): Promise<boolean> {
    if (!isId(id)) return false;
    return this.db.transaction().execute(async (trx) => {
      const gone = await trx.deleteFrom("saved_plans").where("id", "=", id).where("organisation_id", "=", p.organisationId).returning("id").executeTakeFirst();
      if (!gone) return false;
      await this.audit(trx, actorOf(p), "plan_erased", { organisationId: p.organisationId, detail: { plan: id } });
      return true;
    });
  }
}

type AuditAt = { organisationId: string | null; dossierId?: string | null; rulesVersion?: string | null; detail?: object };

function auditRow(actor: Actor, action: AuditAction, at: AuditAt) {
  return {
    organisation_id: at.organisationId,
    actor: actor.id,
    actor_role: actor.role,
    actor_label: actor.label,
    action,
    dossier_id: at.dossierId ?? null,
    rules_version: at.rulesVersion ?? null,
    detail: at.detail ? JSON.stringify(at.detail) : null,
  };
}

/** Audit events in one statement. */
async function record(db: Db, rows: ReturnType<typeof auditRow>[]) {
  if (rows.length) await db.insertInto("audit").values(rows).execute();
}

function evaluationRow(actor: Actor, dossierId: string, input: unknown, result: Stored, recheckOf: string | null) {
  return {
    id: randomUUID(),
    dossier_id: dossierId,
    actor: actor.id,
    actor_role: actor.role,
    actor_label: actor.label,
    case: JSON.stringify(input),
    result: JSON.stringify(result),
    rules_version: result.rulesVersion,
    status: statusOf(result),
    recheck_of: recheckOf,
  };
}

function planSummary(r: { id: string; name: string; created_at: Date; actor: string; rules_version: string; result: PlanResult }): SavedPlanSummary {
  return {
    id: r.id,
    name: r.name,
    createdAt: iso(r.created_at),
    actor: r.actor,
    rulesVersion: r.rules_version,
    employees: r.result.employees.length,
    totals: r.result.totals,
    counts: r.result.counts,
  };
}

/** Opens the database, runs the migrations, and returns the store (the caller closes it). */
export async function openStore(config: Pick<StoreConfig, "databaseUrl" | "dataDir"> & Partial<StoreConfig>, options: StoreOptions = {}): Promise<Store> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize });
  return new Store(database, { sessionHours: config.sessionHours, ...options });
}
