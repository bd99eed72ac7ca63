// Hosts the embedded PGlite database in a worker thread and serves it over a Unix socket with the
// PostgreSQL wire protocol, so the server's main thread never runs a query itself and uses the same
// `pg` driver it uses for a PostgreSQL server.
import { readFileSync, writeFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const { dataDir, socketPath, snapshot } = workerData;
// A snapshot (a data directory saved by "dump") starts the database without initdb: tests start from one
// migrated copy instead of creating and migrating a database per file.
const db = await PGlite.create(dataDir, snapshot ? { loadDataDir: new Blob([readFileSync(snapshot)]) } : {});
// The app keeps one connection open at a time, but pg's pool replaces a connection after a failed query
// before the old one has finished closing; a few slots let the replacement in (queries still run one by one).
const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 4 });
await server.start();
parentPort.postMessage({ ready: true });
parentPort.on("message", async (message) => {
  if (message?.type === "blob") {
    // A statement reading '/dev/blob' (COPY … FROM '/dev/blob'): the socket serves no COPY FROM STDIN.
    try {
      await db.query(message.statement, [], { blob: new Blob([message.blob]) });
      parentPort.postMessage({ ranWithBlob: message.id });
    } catch (error) {
      parentPort.postMessage({
        ranWithBlob: message.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
    return;
  }
  if (message?.type === "dump") {
    try {
      const file = await db.dumpDataDir("none");
      writeFileSync(message.path, Buffer.from(await file.arrayBuffer()));
      parentPort.postMessage({ dumped: message.path });
    } catch (error) {
      parentPort.postMessage({ dumped: message.path, error: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  if (message === "stop") {
    await server.stop();
    await db.close();
    parentPort.postMessage({ stopped: true });
  }
});
