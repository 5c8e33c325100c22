import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "packages/*/test/**/*.test.{ts,tsx}", "apps/*/test/**/*.test.{ts,tsx}"],
    exclude: ["**/node_modules/**", "test/browser/**"],
    pool: "threads",
    // One migrated PGlite data directory that the storage tests copy (an initdb takes seconds).
    globalSetup: ["packages/store/test/global-setup.ts"],
    // Generated-case tests run 10,000 cases; CI has 2 cores.
    testTimeout: 60_000,
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
