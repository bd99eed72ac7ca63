import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: "web",
  plugins: [react()],
  // The web app's "zod" is zod configured jitless before any schema is defined (web/src/zod-jitless.ts says why).
  resolve: {
    alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL("web/src/zod-jitless.ts", import.meta.url)) }],
  },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
