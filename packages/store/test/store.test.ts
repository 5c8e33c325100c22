/** The store on both databases: accounts, dossiers, evaluations, erasure, retention, recheck, the audit trail. */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { Dossier, Evaluation, Result } from "@fne/schema";
import { ADMIN, StoreError, type Principal } from "../src/index.ts";
import { describeBoth, freshStore, olderRules } from "./backends.ts";

const root = new URL("../../../", import.meta.url).pathname;
const atd = JSON.parse(readFileSync(`${root}rules/atd/examples/atd.json`, "utf8"));

describeBoth("store", (backend) => {
  let s: Awaited<ReturnType<typeof freshStore>>;
  let alice: Principal;
  let bob: Principal;
  let aliceToken: string;

  beforeAll(async () => {
    s = await freshStore(backend);
    await s.store.createOrganisation("Agence de Lille");
    await s.store.createOrganisation("Agence de Nantes");
    aliceToken = (await s.store.createToken({ organisation: "Agence de Lille", role: "caseworker", label: "A. Martin" })).token;
    alice = (await s.store.authenticate(aliceToken))!;
    bob = (await s.store.authenticate((await s.store.createToken({ organisation: "Agence de Nantes", role: "supervisor" })).token))!;
  }, 60_000);
  afterAll(() => s?.close());

  describe("accounts", () => {
    it("authenticates a token, by its hash only", async () => {
      expect(alice).toMatchObject({ organisation: "Agence de Lille", role: "caseworker", label: "A. Martin" });
      const rows = await s.store.db.selectFrom("tokens").select("secret_hash").execute();
      const secret = aliceToken.slice("fne_".length + 33);
      for (const r of rows) expect(r.secret_hash).not.toContain(secret);
      expect(JSON.stringify(rows)).not.toContain(secret);
    });

    it("refuses a wrong secret, a malformed token and an unknown id", async () => {
      const wrong = aliceToken.slice(0, -1) + (aliceToken.endsWith("A") ? "B" : "A");
      expect(await s.store.authenticate(wrong)).toBeUndefined();
      expect(await s.store.authenticate("nonsense")).toBeUndefined();
      expect(await s.store.authenticate(`fne_${"0".repeat(32)}_${"a".repeat(43)}`)).toBeUndefined();
    });

    it("refuses a revoked token at once, and its sessions", async () => {
      const t = await s.store.createToken({ organisation: "Agence de Lille", role: "caseworker" });
      const p = (await s.store.authenticate(t.token))!;
      const session = await s.store.openSession(p);
      expect(await s.store.sessionPrincipal(session.secret)).toMatchObject({ tokenId: t.id });
      await s.store.revokeToken(t.id);
      expect(await s.store.authenticate(t.token)).toBeUndefined();
      expect(await s.store.sessionPrincipal(session.secret)).toBeUndefined();
    });

    it("names what is wrong: a duplicate organisation, an unknown one, a role that does not exist", async () => {
      await expect(s.store.createOrganisation("Agence de Lille")).rejects.toThrow(/exists already/);
      await expect(s.store.createToken({ organisation: "Nowhere", role: "caseworker" })).rejects.toThrow(/no organisation "Nowhere"/);
      await expect(s.store.createToken({ organisation: "Agence de Lille", role: "boss" })).rejects.toBeInstanceOf(StoreError);
    });
  });

  describe("dossiers", () => {
    it("creates a dossier with its first evaluation, and reads it back", async () => {
      const d = Dossier.parse(await s.store.createDossier(alice, { reference: "LIL-2024-001", case: atd }));
      expect(d.evaluations).toHaveLength(1);
      const e = d.evaluations[0]!;
      // R322-6: (0.90 × 50 − 40) × 169 = 5 × 169 = 845.00 a month for 6 months; 6 × 845 = 5070.00
      expect((e.result as Result).amounts).toMatchObject({ monthlyFirst6: "845.00", total: "5070.00" });
      expect(e.rulesVersion).toBe(s.store.rulesVersion);
      expect(e.actor).toBe(alice.tokenId);
      const again = await s.store.getDossier(alice, d.id);
      expect(again).toEqual(d);
    });

    it("lists only the caller's organisation, by reference (wildcards are literal) and by status", async () => {
      await s.store.createDossier(alice, { reference: "LIL-100%", case: { ...atd, facts: { ...atd.facts, collectiveLayoff: false } } });
      await s.store.createDossier(alice, { reference: "LIL-no-case" });
      await s.store.createDossier(bob, { reference: "NAN-LIL-1", case: atd });
      const all = await s.store.listDossiers(alice);
      expect(all.map((d) => d.reference).sort()).toEqual(["LIL-100%", "LIL-2024-001", "LIL-no-case"]);
      expect((await s.store.listDossiers(alice, { q: "100%" })).map((d) => d.reference)).toEqual(["LIL-100%"]);
      expect((await s.store.listDossiers(alice, { q: "_" })).map((d) => d.reference)).toEqual([]);
      expect((await s.store.listDossiers(alice, { status: "eligible" })).map((d) => d.reference)).toEqual(["LIL-2024-001"]);
      expect((await s.store.listDossiers(alice, { status: "ineligible" })).map((d) => d.reference)).toEqual(["LIL-100%"]);
      expect((await s.store.listDossiers(bob)).map((d) => d.reference)).toEqual(["NAN-LIL-1"]);
    });

    it("never shows, evaluates or erases another organisation's dossier", async () => {
      const [theirs] = await s.store.listDossiers(bob);
      expect(await s.store.getDossier(alice, theirs!.id)).toBeUndefined();
      expect(await s.store.addEvaluation(alice, theirs!.id, { case: atd })).toBeUndefined();
      expect(await s.store.eraseDossier(alice, theirs!.id)).toBe(false);
      expect(await s.store.auditTrail(alice, { dossier: theirs!.id })).toBeUndefined();
      expect(await s.store.getDossier(bob, theirs!.id)).toBeDefined();
    });

    it("refuses an invalid case naming the field under `case`", async () => {
      const bad = { ...atd, facts: { ...atd.facts, newMonthlyHours: "many" } };
      await expect(s.store.createDossier(alice, { reference: "x", case: bad })).rejects.toMatchObject({
        code: "invalid_case",
        issues: [expect.objectContaining({ path: "case.facts.newMonthlyHours" })],
      });
    });

    it("adds evaluations and never rewrites one (the database refuses an UPDATE)", async () => {
      const d = await s.store.createDossier(alice, { reference: "LIL-rewrite", case: atd });
      const e = Evaluation.parse(await s.store.addEvaluation(alice, d.id, { recheckOf: d.evaluations[0]!.id }));
      expect(e.recheckOf).toBe(d.evaluations[0]!.id);
      expect(e.case).toEqual(atd);
      await expect(s.store.db.updateTable("evaluations").set({ status: "ineligible" }).where("dossier_id", "=", d.id).execute()).rejects.toThrow(/never rewritten/);
      expect((await s.store.getDossier(alice, d.id))!.evaluations.map((x) => x.status)).toEqual(["eligible", "eligible"]);
    });

    it("erases a dossier: its data goes, the audit keeps the events without it", async () => {
      const d = await s.store.createDossier(alice, { reference: "LIL-Jeanne-Dupont", case: atd });
      expect(await s.store.eraseDossier(bob, d.id)).toBe(false);
      expect(await s.store.eraseDossier(alice, d.id)).toBe(true);
      expect(await s.store.getDossier(alice, d.id)).toBeUndefined();
      expect(await s.store.db.selectFrom("evaluations").select("id").where("dossier_id", "=", d.id).execute()).toEqual([]);
      const events = (await s.store.auditTrail(alice, { dossier: d.id }))!;
      expect(events.map((e) => e.action)).toEqual(["erased", "evaluated", "created"]);
      const all = await s.store.db.selectFrom("audit").selectAll().execute();
      expect(JSON.stringify(all)).not.toContain("Jeanne-Dupont");
    });
  });

  describe("retention", () => {
    it("erases the dossiers idle longer than the period, audited as the retention sweep's", async () => {
      const old = await s.store.createDossier(alice, { reference: "LIL-old", case: atd });
      const kept = (await s.store.listDossiers(alice)).map((d) => d.id).filter((id) => id !== old.id);
      // 31 days from now, everything is idle for more than 30 days; 29 days from now, nothing is.
      const day = 86_400_000;
      expect(await s.store.eraseExpired(30, new Date(Date.now() + 29 * day))).toBe(0);
      const bobs = await s.store.listDossiers(bob);
      const erased = await s.store.eraseExpired(30, new Date(Date.now() + 31 * day));
      expect(erased).toBe(kept.length + 1 + bobs.length);
      expect(await s.store.listDossiers(alice)).toEqual([]);
      const events = (await s.store.auditTrail(alice, { dossier: old.id }))!;
      expect(events[0]).toMatchObject({ action: "erased", actor: "retention", detail: { evaluations: 1, retentionDays: 30 } });
    });
  });

  describe("the audit trail", () => {
    it("is append-only in the database itself: UPDATE, DELETE and TRUNCATE are refused", async () => {
      const db = s.store.db;
      await expect(db.updateTable("audit").set({ actor: "someone else" }).execute()).rejects.toThrow(/append-only/);
      await expect(db.deleteFrom("audit").execute()).rejects.toThrow(/append-only/);
      await expect(sql`truncate fne.audit`.execute(db)).rejects.toThrow(/append-only/);
      expect((await s.store.auditTrail(alice))!.length).toBeGreaterThan(5);
    });

    it("records who did what: created, evaluated, viewed, exported, token events", async () => {
      const d = await s.store.createDossier(alice, { reference: "LIL-audit", case: atd });
      await s.store.getDossier(alice, d.id);
      await s.store.getDossier(alice, d.id, { action: "exported", format: "json" });
      const events = (await s.store.auditTrail(alice, { dossier: d.id }))!;
      expect(events.map((e) => e.action)).toEqual(["exported", "viewed", "evaluated", "created"]);
      expect(events.every((e) => e.actor === alice.tokenId && e.actorRole === "caseworker")).toBe(true);
      expect(events[0]!.detail).toEqual({ format: "json" });
      const orgEvents = (await s.store.auditTrail(alice))!.map((e) => e.action);
      expect(orgEvents).toEqual(expect.arrayContaining(["token_created", "token_revoked", "organisation_created", "signed_in"]));
      // Another organisation's events are not there.
      expect((await s.store.auditTrail(bob))!.some((e) => e.dossier === d.id)).toBe(false);
    });
  });
});

describeBoth("recheck under new rules", (backend) => {
  it("adds an evaluation per stored one made under other rules, reports the changes, and edits nothing", async () => {
    const s = await freshStore(backend, { runtime: olderRules() });
    try {
      await s.store.createOrganisation("Lille");
      const p = (await s.store.authenticate((await s.store.createToken({ organisation: "Lille", role: "supervisor" })).token))!;
      const changes = await s.store.createDossier(p, { reference: "changes", case: atd });
      const same = await s.store.createDossier(p, { reference: "same", case: { ...atd, facts: { ...atd.facts, collectiveLayoff: false } } });
      // Older rules, R322-6 at 95 %: (0.95 × 50 − 40) × 169 = 7.5 × 169 = 1267.50 a month; 6 × 1267.50 = 7605.00
      expect((changes.evaluations[0]!.result as Result).amounts).toMatchObject({ monthlyFirst6: "1267.50", total: "7605.00" });
      // A stored case today's rules refuse (a fact they no longer know): reported, left as it was.
      const gone = await s.store.createDossier(p, { reference: "gone" });
      await s.store.db
        .insertInto("evaluations")
        .values({ id: randomUUID(), dossier_id: gone.id, actor: "t", actor_role: null, actor_label: null, case: JSON.stringify({ ...atd, facts: { ...atd.facts, oldFact: 1 } }), result: JSON.stringify(changes.evaluations[0]!.result), rules_version: "1.0.0+older", status: "eligible", recheck_of: null })
        .execute();
      const before = await s.store.db.selectFrom("evaluations").selectAll().orderBy("seq").execute();

      const store = await s.reopen({}); // today's rules
      const r = await store.recheck(ADMIN);
      expect(r).toMatchObject({ rulesVersion: store.rulesVersion, checked: 2 });
      expect(r.refused).toEqual([expect.objectContaining({ dossier: gone.id, reference: "gone", message: expect.stringContaining("oldFact") })]);
      expect(r.changed).toHaveLength(1);
      const c = r.changed[0]!;
      expect(c).toMatchObject({ dossier: changes.id, reference: "changes", original: changes.evaluations[0]!.id });
      expect(c.before).toMatchObject({ rulesVersion: "1.0.0+older", status: "eligible" });
      expect(c.before.aids[0]!.amounts).toMatchObject({ monthlyFirst6: "1267.50", total: "7605.00" });
      // Today's R322-6 at 90 %: (0.90 × 50 − 40) × 169 = 845.00; 6 × 845 = 5070.00
      expect(c.after.aids[0]!.amounts).toMatchObject({ monthlyFirst6: "845.00", total: "5070.00" });

      const rows = await store.db.selectFrom("evaluations").selectAll().orderBy("seq").execute();
      expect(rows.slice(0, before.length)).toEqual(before); // nothing edited
      expect(rows).toHaveLength(before.length + 2);
      expect((await store.getDossier(p, same.id))!.evaluations.map((e) => e.rulesVersion)).toEqual(["1.0.0+older", store.rulesVersion]);

      // Once per rules version: a second recheck finds nothing new.
      expect(await store.recheck(ADMIN)).toMatchObject({ checked: 0, changed: [], refused: [expect.objectContaining({ dossier: gone.id })] });
      const audit = (await store.auditTrail(p, { dossier: changes.id }))!;
      expect(audit[0]).toMatchObject({ action: "rechecked", actor: "admin", rulesVersion: store.rulesVersion });
    } finally {
      await s.close();
    }
  });
});
