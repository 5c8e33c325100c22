/**
 * pnpm admin (README "Dossiers and accounts"): organisations and tokens, the recheck under today's rules, the
 * retention sweep. Same storage settings as `pnpm api` (DATABASE_URL, or the embedded database in FNE_DATA_DIR,
 * which one process opens at a time). Answers are JSON on stdout; exit 0, 2 for a bad command, 1 when it fails.
 */
import { parseArgs } from "node:util";
import { ADMIN, startStore, StoreError, type Store } from "@fne/store";
import { Role } from "@fne/schema";

const USAGE = `usage:
  pnpm admin org create NAME
  pnpm admin org list
  pnpm admin token create --org NAME --role ${Role.options.join("|")} [--label TEXT] [--json]
  pnpm admin token list
  pnpm admin token revoke ID              (the token's id, or the token itself)
  pnpm admin recheck
  pnpm admin erase-expired [--days N]     (default: FNE_RETENTION_DAYS)`;

class UsageError extends Error {}

/** A line printed as it is, not as JSON. */
class Plain {
  constructor(readonly text: string) {}
}
const print = (value: unknown) => process.stdout.write(`${value instanceof Plain ? value.text : JSON.stringify(value, null, 2)}\n`);

function wholeDays(s: string | undefined): number {
  if (s === undefined || !/^\d+$/.test(s) || Number(s) < 1) throw new UsageError(`--days (or FNE_RETENTION_DAYS) must be a whole number of days, at least 1; got ${s ?? "nothing"}`);
  return Number(s);
}

/** The command line → what to do with the store; a bad command is refused before the database is opened. */
function command(args: string[]): (store: Store) => Promise<unknown> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { org: { type: "string" }, role: { type: "string" }, label: { type: "string" }, days: { type: "string" }, json: { type: "boolean" } },
  });
  const [what, verb, ...rest] = positionals;
  const name = `${what ?? ""} ${verb ?? ""}`.trim();
  switch (what === "recheck" || what === "erase-expired" ? what : name) {
    case "org create":
      if (rest.length === 0) throw new UsageError("org create needs a NAME");
      return (store) => store.createOrganisation(rest.join(" "));
    case "org list":
      return (store) => store.listOrganisations();
    case "token create": {
      const { org, role, label } = values;
      if (!org || !role) throw new UsageError("token create needs --org NAME and --role ROLE");
      const json = values.json === true;
      return async (store) => {
        const t = await store.createToken({ organisation: org, role, label });
        process.stderr.write(`Token ${t.id} (${t.role}, ${t.organisation}): shown this once, only its hash is kept. Revoke it with: pnpm admin token revoke ${t.id}\n`);
        // The token alone on stdout, for `TOKEN=$(pnpm -s admin token create …)`; --json: the whole record.
        return json ? t : new Plain(t.token);
      };
    }
    case "token list":
      return (store) => store.listTokens();
    case "token revoke": {
      const id = rest[0];
      if (!id) throw new UsageError("token revoke needs the token's ID");
      return (store) => store.revokeToken(id);
    }
    case "recheck":
      return (store) => store.recheck(ADMIN);
    case "erase-expired": {
      const days = wholeDays(values.days ?? process.env.FNE_RETENTION_DAYS);
      return async (store) => ({ retentionDays: days, erased: await store.eraseExpired(days) });
    }
    default:
      throw new UsageError(name ? `unknown command "${name}"` : "no command");
  }
}

const args = process.argv.slice(2);
let store: Store | undefined;
try {
  const action = command(args);
  // The sweep runs only when asked here (erase-expired): an admin command does what it says and nothing else.
  ({ store } = await startStore(process.env, { sweep: false }));
  print(await action(store));
  await store.close();
} catch (e) {
  await store?.close();
  const usage = e instanceof UsageError || (e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS"));
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${usage ? `${USAGE}\n` : ""}`);
  process.exitCode = usage || e instanceof StoreError ? 2 : 1;
}
