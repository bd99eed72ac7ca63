// Hosts the embedded PGlite database in a worker thread and serves it over a Unix socket with the
// PostgreSQL wire protocol, so the server's main thread never runs a query itself and uses the same
// `pg` driver it uses for a PostgreSQL server.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const { dataDir, socketPath } = workerData;
const db = await PGlite.create(dataDir);
const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
await server.start();
parentPort.postMessage({ ready: true });
parentPort.on("message", async (message) => {
  if (message === "stop") {
    await server.stop();
    await db.close();
    parentPort.postMessage({ stopped: true });
  }
});
