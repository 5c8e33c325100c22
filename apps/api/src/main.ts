#!/usr/bin/env node
/**
 * pnpm api: listens on HOST:PORT (default 127.0.0.1:8787). CORS_ORIGINS: comma-separated origins allowed
 * from browsers ("*" for any; none by default). LOG_LEVEL: pino level (info). SIGTERM/SIGINT: stop accepting,
 * finish the requests in flight, exit.
 */
import { startStore } from "@fne/store";
import { buildServer } from "./server.ts";
import { webDir } from "./static.ts";

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? "127.0.0.1";
const corsOrigins = (process.env.CORS_ORIGINS ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);

// Storage (README "Dossiers and accounts"): PGlite in FNE_DATA_DIR, or DATABASE_URL; migrations and the retention sweep run now.
const { store, erased } = await startStore(process.env).catch((e: unknown) => {
  console.error(`cannot open the storage: ${e instanceof Error ? e.message : String(e)}`);
  return process.exit(1);
});
const app = buildServer({ corsOrigins, logger: { level: process.env.LOG_LEVEL ?? "info" }, store, webDir: webDir(process.env) });
app.addHook("onClose", () => store.close());
app.log.info({ database: store.kind, location: store.location, erasedByRetention: erased }, "storage ready");

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, "closing: finishing requests in flight");
    app.close().then(
      () => process.exit(0),
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
