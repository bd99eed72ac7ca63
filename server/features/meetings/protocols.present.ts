import type { Protocol } from "../../../contract/meetings";
import type { protocols } from "../../db/schema";
import { totalMinutes } from "./protocol-library";

/** A community's own copy of a protocol, shaped like the library's. */
export function presentProtocolCopy(row: typeof protocols.$inferSelect): Protocol {
  return {
    key: row.id,
    name: row.name,
    purpose: row.purpose,
    steps: row.steps,
    totalMinutes: totalMinutes(row.steps),
    basedOn: row.basedOn,
    communityId: row.communityId,
  };
}
