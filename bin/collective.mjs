#!/usr/bin/env node
// Runs the TypeScript CLI directly: the server ships as source and needs no compile step.
import { register } from "tsx/esm/api";

register();
await import("../server/main.ts");
