#!/usr/bin/env node
// `pnpm calc`: the CLI bundled with esbuild, run with plain Node (scripts/bundle.mjs); its plan worker beside it.
import { runBundled } from "../../scripts/bundle.mjs";

await runBundled("fne-cli", { main: "apps/cli/src/main.ts", "plan-worker": "apps/cli/src/plan-worker.ts" });
