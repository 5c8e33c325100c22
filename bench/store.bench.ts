/**
 * Storage throughput on both databases: dossier writes per second (a dossier opened with its case: the dossier
 * row, the evaluation with its Result, two audit events, one transaction) by 1 and by 10 concurrent clients, and
 * recheck rows per second (stored evaluations made under older rules, evaluated again and added). PGlite in a
 * temporary directory; PostgreSQL at TEST_DATABASE_URL (`pnpm bench` starts one with scripts/with-postgres.sh).
 * Medians of BENCH_RUNS (3) runs of BENCH_WRITES (1,000) writes and BENCH_RECHECK (5,000) rows.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { evaluateParsed, parseCase, getRuntime } from "@fne/engine";
import { ADMIN, openStore, type Principal, type Store } from "@fne/store";
import { olderRules } from "../packages/store/test/older-rules.ts";
import { pgliteDatabase, serverDatabase } from "../packages/store/test/databases.ts";

const writes = Number(process.env.BENCH_WRITES ?? 1000);
const recheckRows = Number(process.env.BENCH_RECHECK ?? 5000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const atd = JSON.parse(readFileSync(new URL("../rules/atd/examples/atd.json", import.meta.url), "utf8"));
const cases = Array.from({ length: 50 }, (_, i) => ({ ...atd, facts: { ...atd.facts, newHourlyWage: (30 + i * 0.2).toFixed(2) } }));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

const freshDb = (kind: "PGlite" | "PostgreSQL") => (kind === "PGlite" ? Promise.resolve(pgliteDatabase()) : serverDatabase(process.env.TEST_DATABASE_URL!));

async function principal(store: Store): Promise<Principal> {
  await store.createOrganisation("bench");
  return (await store.authenticate((await store.createToken({ organisation: "bench", role: "supervisor" })).token))!;
}

/** `n` dossiers opened with a case by `clients` concurrent callers; writes per second. */
async function dossierWrites(store: Store, p: Principal, n: number, clients: number) {
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < n; i = next++) await store.createDossier(p, { reference: `B-${i}`, case: cases[i % cases.length] });
    }),
  );
  return n / seconds(t0);
}

async function measure(kind: "PGlite" | "PostgreSQL") {
  const w1: number[] = [];
  const w10: number[] = [];
  const rc: number[] = [];
  for (let r = 0; r < runs; r++) {
    const db = await freshDb(kind);
    try {
      // Writes, today's rules.
      let store = await openStore(db.config, { runtime: olderRules() });
      const p = await principal(store);
      await dossierWrites(store, p, Math.min(100, writes), 1); // warm-up
      w1.push(await dossierWrites(store, p, writes, 1));
      w10.push(await dossierWrites(store, p, writes, 10));
      // The recheck rows: made under the older rules, then rechecked under today's.
      await dossierWrites(store, p, Math.max(0, recheckRows - writes * 2 - 100), 10);
      await store.close();
      store = await openStore(db.config);
      const t0 = process.hrtime.bigint();
      const { checked } = await store.recheck(ADMIN);
      rc.push(checked / seconds(t0));
      await store.close();
    } finally {
      await db.drop();
    }
  }
  return { w1: median(w1), w10: median(w10), rc: median(rc) };
}

/** The engine's share of a recheck: evaluating the same cases without storing anything. */
function engineOnly(n: number) {
  const rt = getRuntime();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) evaluateParsed(rt, parseCase(rt, cases[i % cases.length]));
  return n / seconds(t0);
}

const kinds: Array<"PGlite" | "PostgreSQL"> = process.env.TEST_DATABASE_URL ? ["PGlite", "PostgreSQL"] : ["PGlite"];
if (!process.env.TEST_DATABASE_URL) console.log("(PostgreSQL skipped: TEST_DATABASE_URL unset; pnpm bench starts a server)");
console.log(`\nStorage (medians of ${runs} runs; ${writes} dossier writes; ${recheckRows} recheck rows; load average ${loadavg().map((x) => x.toFixed(2)).join(" ")})`);
for (const kind of kinds) {
  const m = await measure(kind);
  console.log(`  ${kind.padEnd(11)} dossier writes ${Math.round(m.w1).toString().padStart(6)} /s (1 client) ${Math.round(m.w10).toString().padStart(6)} /s (10 clients)   recheck ${Math.round(m.rc).toString().padStart(6)} rows/s`);
}
console.log(`  engine alone (no storage): ${Math.round(engineOnly(recheckRows))} evaluations/s — the rest of a write or a recheck row is the database`);
console.log(`  load average after: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
