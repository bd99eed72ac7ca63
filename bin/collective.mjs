#!/usr/bin/env node
// Runs the CLI from the server's bundle (bin/server-bundle.mjs), rebuilt when a source changed; when it cannot
// be built, from the TypeScript sources themselves through tsx. Either way no compile step is asked of anyone.
import { pathToFileURL } from "node:url";
import { serverBundle } from "./server-bundle.mjs";

const bundle = await serverBundle();
if (bundle) {
  // Stack traces name the TypeScript files and lines, not the bundle's.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../server/main.ts");
}
