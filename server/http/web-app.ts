import { existsSync, statSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { HttpProblem } from "../errors";
import { projectPath } from "../paths";

export const WEB_DIST = projectPath("web", "dist");

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}

/** Serves the built web app: its files, and index.html for every client-side route outside /api. */
export async function registerWebApp(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { root: WEB_DIST, serve: false });
  app.get("/*", { config: { policy: "public" }, schema: { hide: true } }, async (request, reply) => {
    const urlPath = decodeURIComponent(request.url.split("?")[0] ?? "/");
    if (urlPath === "/api" || urlPath.startsWith("/api/") || !isFile(path.join(WEB_DIST, "index.html"))) {
      throw new HttpProblem(404, "Not found", `No route ${request.method} ${urlPath}.`);
    }
    const relative = path
      .normalize(urlPath)
      .replace(/^(\.\.[/\\])+/, "")
      .replace(/^[/\\]+/, "");
    if (relative && !relative.includes("..") && isFile(path.join(WEB_DIST, relative))) {
      const immutable = relative.startsWith("assets/");
      return reply.sendFile(relative, { maxAge: immutable ? 31_536_000_000 : 0, immutable });
    }
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
}
