import type { EssentialStandard } from "../../../../contract/essentials";

export type Unit = {
  key: string;
  title: string;
  startsOn: string | null;
  endsOn: string | null;
  items: EssentialStandard[];
};

/** Essential standards grouped by unit, in the order the server sends them (by start date, then title). */
export function groupByUnit(items: readonly EssentialStandard[]): Unit[] {
  const units = new Map<string, Unit>();
  for (const item of items) {
    const key = `${item.unitTitle}|${item.startsOn ?? ""}|${item.endsOn ?? ""}`;
    const unit = units.get(key) ?? {
      key,
      title: item.unitTitle,
      startsOn: item.startsOn,
      endsOn: item.endsOn,
      items: [],
    };
    unit.items.push(item);
    units.set(key, unit);
  }
  return [...units.values()];
}

/** "Sep 1 – Oct 15, 2030", or what is known of it. */
export function formatSpan(startsOn: string | null, endsOn: string | null): string {
  const format = (date: string) =>
    new Date(`${date}T12:00:00`).toLocaleDateString(undefined, { month: "short", day: "numeric", year: "numeric" });
  if (startsOn && endsOn) return `${format(startsOn)} – ${format(endsOn)}`;
  if (startsOn) return `From ${format(startsOn)}`;
  if (endsOn) return `Until ${format(endsOn)}`;
  return "";
}
