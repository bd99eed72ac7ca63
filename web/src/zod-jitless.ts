// The web app's "zod" (vite.config.ts aliases it here). Zod 4 compiles object parsers with `new Function`,
// and probes whether eval works as each object schema is defined: under our Content-Security-Policy
// (script-src 'self', no 'unsafe-eval', on purpose) the probe alone made every page log a violation.
// Jitless parsing never calls it. Every module that imports "zod" imports this one, so the setting is in
// place before the first schema is defined, whatever order the bundler gives the chunks.
import { z } from "zod/v4";
import { plainMessages } from "../../contract/plain-messages";

// Refusals in plain words (contract/plain-messages.ts), never "Invalid ISO date".
z.config({ jitless: true, customError: plainMessages });

export * from "zod/v4";
export { z, z as default };
