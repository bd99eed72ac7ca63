import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, inject } from "vitest";

/** The newest email delivered to this address (the journeys' SMTP server), with soft line breaks undone. */
export async function waitForMailTo(address: string, containing = ""): Promise<string> {
  const mailDir = inject("mailDir");
  let found = "";
  await expect
    .poll(
      () => {
        const files = readdirSync(mailDir).sort().reverse();
        const messages = files.map((file) => readFileSync(path.join(mailDir, file), "utf8").replace(/=\r?\n/g, ""));
        found = messages.find((message) => message.includes(address) && message.includes(containing)) ?? "";
        return found !== "";
      },
      { timeout: 15_000, interval: 250 },
    )
    .toBe(true);
  return found;
}
