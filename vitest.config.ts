import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "server/**/*.test.ts",
      "contract/**/*.test.ts",
      "web/src/**/*.test.ts",
      "web/src/**/*.test.tsx",
      "bench/**/*.test.ts",
    ],
    globalSetup: ["server/test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // One worker per core; test files share a worker's loaded modules (each still gets its own database).
    maxWorkers: availableParallelism(),
    isolate: false,
    // Transformed modules are kept on disk (content-hashed), so npm test's several vitest runs transform once.
    experimental: { fsModuleCache: true },
  },
});
