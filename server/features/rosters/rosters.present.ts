/** An import run as the district sees it: its district is the reader's own, so it is not repeated. */
export function presentRosterImport<T extends { districtId: string }>(row: T): Omit<T, "districtId"> {
  const { districtId: _districtId, ...rest } = row;
  return rest;
}
