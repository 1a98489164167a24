// A document's id is its place in the catalogue (d1, d2 …), and finding keys name documents by
// it (RULE:d12), so the reviewer's decisions hang on those ids. When the catalogue is ordered
// anew (a changed ordering rule, a corrected date that moves a record) the same paper gets
// another id; the decisions are carried to it, the paper being known by where it lies.

interface Placed {
  id: string;
  file_id: number;
  page_from: number;
}

/** Old id → new id for every paper (same file, same first page) whose id changed. */
export function documentIdMoves(before: readonly Placed[], after: readonly Placed[]): Map<string, string> {
  const at = (d: Placed) => `${d.file_id}:${d.page_from}`;
  const now = new Map(after.map((d) => [at(d), d.id]));
  const moves = new Map<string, string>();
  for (const d of before) {
    const id = now.get(at(d));
    if (id !== undefined && id !== d.id) moves.set(d.id, id);
  }
  return moves;
}

/** A finding key with its document parts renamed (keys are the rule id and parts joined by ':'). */
export function renameKey(key: string, moves: ReadonlyMap<string, string>): string {
  const [rule, ...parts] = key.split(':');
  return [rule, ...parts.map((p) => moves.get(p) ?? p)].join(':');
}
