#!/usr/bin/env node
// `pnpm api`: the API bundled with esbuild and run on plain Node (tools/run-bundled.mjs says why).
import { runBundled } from "../../tools/run-bundled.mjs";

await runBundled("api", "apps/api/src/main.ts", ["apps/api/src", "packages/engine/src", "packages/schema/src", "rules"]);
