#!/usr/bin/env node
// `pnpm admin`: the admin commands bundled with esbuild, run with plain Node (scripts/bundle.mjs).
import { runBundled } from "../../scripts/bundle.mjs";

await runBundled("fne-admin", { main: "apps/admin/src/main.ts" });
