import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database } from "../../server/db/client";
import { districts } from "../../server/db/schema";
import { planRoster } from "../../server/demo/large-district/plan-roster";
import { writeOneRosterSet } from "../../server/demo/large-district/write-oneroster";
import { importOneRoster } from "../../server/features/rosters/import-oneroster";
import { copyReference, tablesFor } from "./copy-reference";

export type ImportVsCopy = {
  students: number;
  rows: number;
  importSeconds: number;
  copySeconds: number;
  ratio: number;
};

async function newDistrict(database: Database, slug: string): Promise<string> {
  const [district] = await database.db.insert(districts).values({ slug, name: slug }).returning({ id: districts.id });
  return district?.id as string;
}

/**
 * (a) The OneRoster bulk import of the generated roster against raw COPY of the same rows into the same
 * tables, each into a fresh database; both write the same table rows, so the ratio of rows per second is
 * COPY's time over the import's.
 */
export async function measureImportVsCopy(open: () => Promise<Database>, students: number): Promise<ImportVsCopy> {
  const plan = planRoster({ studentCount: students, emailDomain: "import-bench.example" });
  const folder = mkdtempSync(path.join(os.tmpdir(), "collective-import-bench-"));
  try {
    writeOneRosterSet(plan, folder);
    const importDb = await open();
    let importSeconds: number;
    try {
      const districtId = await newDistrict(importDb, "import-bench");
      const started = performance.now();
      const outcome = await importOneRoster(importDb.pool, { districtId, source: folder });
      importSeconds = (performance.now() - started) / 1000;
      if (outcome.status !== "succeeded")
        throw new Error(`import failed: ${JSON.stringify(outcome.problems.slice(0, 3))}`);
    } finally {
      await importDb.close();
    }
    const copyDb = await open();
    try {
      const districtId = await newDistrict(copyDb, "copy-bench");
      const { rows, seconds } = await copyReference(copyDb, tablesFor(plan, districtId, ""));
      return { students, rows, importSeconds, copySeconds: seconds, ratio: seconds / importSeconds };
    } finally {
      await copyDb.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
