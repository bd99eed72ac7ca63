import type { App } from "../../types";
import { browseRoutes } from "./browse.routes";
import { frameworksRoutes } from "./frameworks.routes";
import { targetsRoutes } from "./targets.routes";

/** Standards: CASE frameworks imported by the district, browsed and searched by staff, and teams' local targets. */
export async function standardsRoutes(app: App) {
  await app.register(frameworksRoutes);
  await app.register(browseRoutes);
  await app.register(targetsRoutes);
}
