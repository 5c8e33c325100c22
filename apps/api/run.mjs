#!/usr/bin/env node
// `pnpm api`: the server bundled with esbuild, run with plain Node (scripts/bundle.mjs).
import { runBundled } from "../../scripts/bundle.mjs";

await runBundled("fne-api");
