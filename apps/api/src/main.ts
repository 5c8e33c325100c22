#!/usr/bin/env node
/**
 * pnpm api: listens on HOST:PORT (default 127.0.0.1:8787). CORS_ORIGINS: comma-separated origins allowed
 * from browsers ("*" for any; none by default). LOG_LEVEL: pino level (info). TRUST_PROXY: behind a reverse
 * proxy, its address (or "true"), so that each client is rate limited on its own. The limits (limits.ts):
 * LIMIT_*, RATE_LIMIT_*, SHUTDOWN_SECONDS. VITE_EMBED_ORIGINS: the sites that may frame the iframe mode.
 * SIGTERM/SIGINT: stop accepting, finish the requests in flight within SHUTDOWN_SECONDS (10), cut and log the
 * rest, exit.
 */
import { embedOrigins } from "@fne/schema";
import { startStore } from "@fne/store";
import { limitsFromEnv, limits as defaults } from "./limits.ts";
import { buildServer } from "./server.ts";
import { closeWithin } from "./shutdown.ts";
import { webDir } from "./static.ts";

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? "127.0.0.1";
const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
const trustProxy = process.env.TRUST_PROXY === "true" ? true : list(process.env.TRUST_PROXY);

let limits;
try {
  limits = { ...defaults, ...limitsFromEnv(process.env) };
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}

// Storage (README "Dossiers and accounts"): PGlite in FNE_DATA_DIR, or DATABASE_URL; migrations and the retention sweep run now.
const { store, erased } = await startStore(process.env).catch((e: unknown) => {
  console.error(`cannot open the storage: ${e instanceof Error ? e.message : String(e)}`);
  return process.exit(1);
});
const app = buildServer({
  corsOrigins: list(process.env.CORS_ORIGINS),
  logger: { level: process.env.LOG_LEVEL ?? "info" },
  limits,
  ...(trustProxy === true || trustProxy.length ? { trustProxy } : {}),
  pages: { embedOrigins: embedOrigins(process.env.VITE_EMBED_ORIGINS) },
  store,
  webDir: webDir(process.env),
});
app.addHook("onClose", () => store.close());
app.log.info({ database: store.kind, location: store.location, erasedByRetention: erased }, "storage ready");

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    app.log.info({ signal, deadlineSeconds: limits.shutdownSeconds, inFlight: app.inFlight.size }, "closing: finishing requests in flight");
    closeWithin(app, limits.shutdownSeconds).then(
      (cut) => {
        app.log.info({ cut: cut.length }, "closed");
        process.exit(0);
      },
      (e: unknown) => {
        app.log.error({ err: e }, "close failed");
        process.exit(1);
      },
    );
  });
}

try {
  await app.listen({ port, host });
} catch (e) {
  app.log.error({ err: e }, "cannot listen");
  process.exit(1);
}
