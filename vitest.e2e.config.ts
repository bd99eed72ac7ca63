import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // The journey files share one process, its loaded modules and one Chromium (e2e/support/browser.ts); each
    // journey still opens its own browser context.
    isolate: false,
    // Transformed modules are kept on disk (content-hashed), so npm test's several vitest runs transform once.
    experimental: { fsModuleCache: true },
  },
});
