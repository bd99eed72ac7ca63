import { sql } from "drizzle-orm";
import type { Instrument } from "../../../contract/surveys";
import type { Db } from "../../db/client";
import { AGREEMENT_LEVELS, type BuiltInInstrument, levelsOf } from "./instruments/built-in";
import { BUILT_IN_INSTRUMENTS, findBuiltInInstrument } from "./instruments/catalog";

type RawItem = {
  instrument_id: string;
  title: string;
  description: string;
  position: number | null;
  section: string | null;
  prompt: string | null;
  scale: "rubric" | "agreement" | null;
  levels: { label: string; descriptor: string }[] | null;
};

/** The district's own instruments with their items, newest first. */
async function listDistrictInstruments(db: Db, districtId: string, id?: string): Promise<Instrument[]> {
  const only = id ? sql`and i.id = ${id}` : sql``;
  const result = await db.execute<RawItem>(sql`
    select i.id as instrument_id, i.title, i.description, ii.position, ii.section, ii.prompt, ii.scale, ii.levels
      from survey_instruments i left join survey_instrument_items ii on ii.instrument_id = i.id
     where i.district_id = ${districtId} ${only}
     order by i.created_at desc, i.id, ii.position`);
  const byId = new Map<string, Instrument>();
  for (const row of result.rows) {
    const instrument = byId.get(row.instrument_id) ?? {
      ref: row.instrument_id,
      builtIn: false,
      audience: "staff" as const,
      title: row.title,
      description: row.description,
      items: [],
    };
    byId.set(row.instrument_id, instrument);
    if (row.position === null || row.scale === null) continue;
    instrument.items.push({
      key: `item-${row.position + 1}`,
      section: row.section ?? "",
      prompt: row.prompt ?? "",
      scale: row.scale,
      levels:
        row.scale === "agreement" ? AGREEMENT_LEVELS : levelsOf((row.levels ?? []).map((l) => [l.label, l.descriptor])),
    });
  }
  return [...byId.values()];
}

function presentBuiltIn(instrument: BuiltInInstrument): Instrument {
  return {
    ref: instrument.key,
    builtIn: true,
    audience: instrument.audience ?? "staff",
    title: instrument.title,
    description: instrument.description,
    items: instrument.items,
  };
}

/** Every instrument the district may run: the built-in ones, then its own. */
export async function listInstruments(db: Db, districtId: string): Promise<Instrument[]> {
  return [...BUILT_IN_INSTRUMENTS.map(presentBuiltIn), ...(await listDistrictInstruments(db, districtId))];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One instrument by its ref (a built-in key or one of the district's instrument ids), or undefined. */
export async function findInstrument(db: Db, districtId: string, ref: string): Promise<Instrument | undefined> {
  const builtIn = findBuiltInInstrument(ref);
  if (builtIn) return presentBuiltIn(builtIn);
  if (!UUID.test(ref)) return undefined;
  return (await listDistrictInstruments(db, districtId, ref))[0];
}
