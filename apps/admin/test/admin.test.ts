/** `pnpm admin` as a process (apps/admin/run.mjs), on the embedded database and on a PostgreSQL server. */
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openStore } from "@fne/store";
import { describeBoth, type TestDatabase } from "../../../packages/store/test/backends.ts";

const root = new URL("../../../", import.meta.url).pathname;

describeBoth("pnpm admin", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await backend.create();
  }, 60_000);
  afterAll(() => db?.drop());

  const admin = (...args: string[]) => {
    const env = { ...process.env, FNE_DATA_DIR: db.config.dataDir, DATABASE_URL: db.config.databaseUrl ?? "" };
    const r = spawnSync(process.execPath, ["apps/admin/run.mjs", ...args], { cwd: root, env, encoding: "utf8", timeout: 60_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as Record<string, unknown> };
  };

  it("creates an organisation and a token (printed once, only its hash kept), and revokes it", async () => {
    expect(admin("org", "create", "Agence", "de", "Lille")).toMatchObject({ status: 0 });
    const created = admin("token", "create", "--org", "Agence de Lille", "--role", "supervisor", "--label", "C. Durand", "--json");
    expect(created.status, created.stderr).toBe(0);
    const t = created.json() as { id: string; token: string; role: string };
    expect(t).toMatchObject({ role: "supervisor", organisation: "Agence de Lille", label: "C. Durand" });
    expect(created.stderr).toMatch(/shown this once/);
    // Without --json: the token alone on stdout, its id on stderr; revoking by the token itself works too.
    const plain = admin("token", "create", "--org", "Agence de Lille", "--role", "auditor");
    expect(plain.stdout).toMatch(/^fne_[0-9a-f]{32}_[A-Za-z0-9_-]{43}\n$/);
    expect(admin("token", "revoke", plain.stdout.trim())).toMatchObject({ status: 0 });
    const listed = admin("token", "list");
    expect(listed.stdout).not.toContain(t.token.slice("fne_".length + 33));

    let store = await openStore(db.config);
    expect(await store.authenticate(t.token)).toMatchObject({ role: "supervisor", organisation: "Agence de Lille" });
    await store.close(); // the embedded database is opened by one process at a time
    expect(admin("token", "revoke", t.id)).toMatchObject({ status: 0 });
    store = await openStore(db.config);
    expect(await store.authenticate(t.token)).toBeUndefined();
    const events = await store.db.selectFrom("audit").select(["action", "actor"]).orderBy("seq").execute();
    expect(events).toEqual([
      { action: "organisation_created", actor: "admin" },
      { action: "token_created", actor: "admin" },
      { action: "token_created", actor: "admin" },
      { action: "token_revoked", actor: "admin" },
      { action: "token_revoked", actor: "admin" },
    ]);
    await store.close();
  });

  it("rechecks and erases expired dossiers, and says what is wrong with a command (exit 2)", () => {
    expect(admin("recheck").json()).toMatchObject({ checked: 0, changed: [], refused: [] });
    expect(admin("erase-expired", "--days", "30").json()).toEqual({ retentionDays: 30, erased: 0 });
    for (const bad of [["frobnicate"], ["token", "create", "--org", "Agence de Lille"], ["token", "create", "--org", "Nowhere", "--role", "auditor"], ["erase-expired", "--days", "0"], ["org", "create", "Agence de Lille"]]) {
      const r = admin(...bad);
      expect(r.status, bad.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.length).toBeGreaterThan(0);
    }
  });

  if (backend.name === "PGlite") {
    it("refuses to open the embedded database another process holds, naming it", async () => {
      const store = await openStore(db.config);
      try {
        const r = admin("org", "list");
        expect(r.status).toBe(1);
        expect(r.stderr).toMatch(/is open in process \d+/);
      } finally {
        await store.close();
      }
    });
  }
});
