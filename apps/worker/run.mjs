#!/usr/bin/env node
// `pnpm worker`: the job worker bundled with esbuild, run with plain Node (scripts/bundle.mjs).
import { runBundled } from "../../scripts/bundle.mjs";

await runBundled("fne-worker");
