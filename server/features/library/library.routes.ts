import multipart from "@fastify/multipart";
import type { App } from "../../types";
import { filesRoutes } from "./files.routes";
import { resourceActivityRoutes } from "./resource-activity.routes";
import { resourcesRoutes } from "./resources.routes";

/** The shared library: resources, what members do with them, and the uploaded files. */
export async function libraryRoutes(app: App) {
  // Only the library reads multipart bodies; elsewhere the app still accepts JSON alone.
  await app.register(multipart, {
    limits: {
      fileSize: app.config.maxUploadBytes,
      files: 1,
      fields: 4,
      parts: 5,
      fieldSize: 64 * 1024,
      fieldNameSize: 100,
      headerPairs: 100,
    },
  });
  await app.register(resourcesRoutes);
  await app.register(resourceActivityRoutes);
  await app.register(filesRoutes);
}
