/** A scale as stored: its levels numbered from 1, in the order the team wrote them. */
export const numbered = (levels: { label: string; descriptor: string }[]) =>
  levels.map((level, index) => ({ level: index + 1, label: level.label, descriptor: level.descriptor }));
