import { defineConfig } from "vitest/config";

/** `pnpm test:browser`: builds apps/web, serves it on 127.0.0.1 and drives Debian's chromium. */
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    globalSetup: ["test/browser/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
