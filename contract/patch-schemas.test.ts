import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";

/*
 * A patch changes only what it names. A field of a patch schema that fills itself in when left out (a default,
 * even under .optional(): zod applies the inner default) would overwrite what is stored with that default on
 * every patch that does not name it. This walks every exported schema named *Patch in contract/.
 */

/** The object shape of a schema, through refinements and pipes. */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | null {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  if (schema instanceof z.ZodPipe) return shapeOf(schema.def.in as z.ZodType);
  return null;
}

async function patchSchemas(): Promise<[string, z.ZodType][]> {
  const found: [string, z.ZodType][] = [];
  const files = readdirSync(import.meta.dirname).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  for (const file of files) {
    const module: Record<string, unknown> = await import(join(import.meta.dirname, file));
    for (const [name, value] of Object.entries(module)) {
      if (name.endsWith("Patch") && value instanceof z.ZodType) found.push([`${file} ${name}`, value]);
    }
  }
  return found;
}

describe("patch schemas", () => {
  it("are found in the contract", async () => {
    const names = (await patchSchemas()).map(([name]) => name);
    expect(names).toContain("interventions.ts PlanPatch");
    expect(names).toContain("interventions.ts GroupPatch");
    expect(names.length).toBeGreaterThan(10);
  });

  it("fill in no field that was left out", async () => {
    const filled: string[] = [];
    for (const [name, schema] of await patchSchemas()) {
      const shape = shapeOf(schema);
      expect(shape, `${name} is an object`).not.toBeNull();
      for (const [field, fieldSchema] of Object.entries(shape ?? {})) {
        const left = fieldSchema.safeParse(undefined);
        if (left.success && left.data !== undefined) filled.push(`${name}.${field} = ${JSON.stringify(left.data)}`);
      }
    }
    expect(filled).toEqual([]);
  });
});
