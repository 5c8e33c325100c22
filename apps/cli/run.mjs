#!/usr/bin/env node
// `pnpm calc`, or directly `apps/cli/run.mjs …` (no pnpm start-up): the CLI bundled with esbuild, run with plain
// Node (scripts/bundle.mjs); its plan worker beside it.
import { runBundled } from "../../scripts/bundle.mjs";

await runBundled("fne-cli");
