#!/usr/bin/env node
// `pnpm calc`: the CLI bundled with esbuild and run on plain Node (tools/run-bundled.mjs says why).
import { runBundled } from "../../tools/run-bundled.mjs";

await runBundled("cli", "apps/cli/src/main.ts", ["apps/cli/src", "packages/engine/src", "packages/schema/src", "rules"]);
