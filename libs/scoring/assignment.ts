/**
 * Balanced assignment of raters (reviewers) to items (submissions), as a pure, deterministic function: the same
 * input always gives the same plan, whatever order the input lists things in. Reusable wherever a panel splits
 * items among its members (the scholarship committee splits applications the same way).
 *
 * Rules:
 * - each item gets up to `perItem` raters, counting the ones it already has; fewer only when fewer are eligible;
 * - a rater is eligible for an item unless they conflict with it, already rate it, or are limited to groups
 *   (tracks) that do not include the item's group (an item without a group goes only to unrestricted raters);
 * - existing pairs are never moved or removed, so running the plan again on its own result adds nothing;
 * - loads (pairs per rater, over the items given) end up differing by at most one wherever the eligibility
 *   rules allow it.
 *
 * Method: slots are filled round by round (every item's first missing rater, then every item's second ...), the
 * most constrained items (fewest eligible raters) first, each slot going to the least-loaded eligible rater;
 * equal loads are settled by a hash of the pair, so that the same raters do not always meet on the same items
 * (which also gives the per-rater calibration overlapping samples). A repair pass then moves new pairs from the
 * most to the least loaded raters while the gap exceeds one and such a move is allowed.
 */

export interface AssignableItem {
  id: string;
  /** Track (or other group) id; null when the item has none. */
  group: string | null;
}

export interface AssignableRater {
  id: string;
  /** Groups the rater is limited to; null means every group. */
  groups: ReadonlySet<string> | null;
}

export interface AssignmentInput {
  items: readonly AssignableItem[];
  raters: readonly AssignableRater[];
  perItem: number;
  /** Pairs that exist already; those on items not listed in `items` are ignored. */
  existing: readonly Pair[];
  /** Pairs that must never be made. */
  conflicts: readonly Pair[];
}

export interface Pair {
  raterId: string;
  itemId: string;
}

export interface AssignmentPlan {
  /** New pairs only, sorted by item then rater. */
  added: Pair[];
  /** Pairs per rater over the given items, existing and added. */
  loads: Map<string, number>;
  /** Items that end with fewer than perItem raters because too few are eligible. */
  understaffed: string[];
}

const pairKey = (raterId: string, itemId: string) => `${raterId}\u0000${itemId}`;

/** FNV-1a: a cheap, stable string hash for tie-breaks (not for security). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function planAssignments(input: AssignmentInput): AssignmentPlan {
  const items = [...input.items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const raters = [...input.raters].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const itemIds = new Set(items.map((i) => i.id));
  const conflicts = new Set(input.conflicts.map((p) => pairKey(p.raterId, p.itemId)));
  const taken = new Set<string>();
  const ratersOf = new Map<string, Set<string>>(items.map((i) => [i.id, new Set<string>()]));
  const loads = new Map<string, number>(raters.map((r) => [r.id, 0]));

  for (const pair of input.existing) {
    if (!itemIds.has(pair.itemId)) continue;
    taken.add(pairKey(pair.raterId, pair.itemId));
    ratersOf.get(pair.itemId)!.add(pair.raterId);
    if (loads.has(pair.raterId)) loads.set(pair.raterId, loads.get(pair.raterId)! + 1);
  }

  const eligible = (rater: AssignableRater, item: AssignableItem) =>
    !conflicts.has(pairKey(rater.id, item.id)) &&
    !taken.has(pairKey(rater.id, item.id)) &&
    (rater.groups === null || (item.group !== null && rater.groups.has(item.group)));

  const candidates = new Map<string, AssignableRater[]>(items.map((item) => [item.id, raters.filter((r) => eligible(r, item))]));
  const added: Pair[] = [];
  const addedKeys = new Set<string>();

  for (let round = 1; round <= input.perItem; round += 1) {
    const open = items
      .filter((item) => ratersOf.get(item.id)!.size < round && candidates.get(item.id)!.length > 0)
      .sort((a, b) => candidates.get(a.id)!.length - candidates.get(b.id)!.length || (a.id < b.id ? -1 : 1));
    for (const item of open) {
      const pool = candidates.get(item.id)!;
      let best: AssignableRater | undefined;
      let bestLoad = Infinity;
      let bestHash = Infinity;
      for (const rater of pool) {
        const load = loads.get(rater.id)!;
        const h = hash(pairKey(rater.id, item.id));
        if (load < bestLoad || (load === bestLoad && h < bestHash)) {
          best = rater;
          bestLoad = load;
          bestHash = h;
        }
      }
      if (!best) continue;
      const key = pairKey(best.id, item.id);
      taken.add(key);
      addedKeys.add(key);
      ratersOf.get(item.id)!.add(best.id);
      loads.set(best.id, bestLoad + 1);
      candidates.set(item.id, pool.filter((r) => r !== best));
    }
  }

  repair(items, raters, loads, conflicts, taken, addedKeys, ratersOf);

  for (const key of addedKeys) {
    const [raterId, itemId] = key.split('\u0000');
    added.push({ raterId, itemId });
  }
  added.sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : a.raterId < b.raterId ? -1 : a.raterId > b.raterId ? 1 : 0));
  const understaffed = items.filter((item) => ratersOf.get(item.id)!.size < input.perItem).map((item) => item.id);
  return { added, loads, understaffed };
}

/** Moves pairs made in this run from the most loaded raters to the least loaded ones while that narrows the gap. */
function repair(
  items: AssignableItem[],
  raters: AssignableRater[],
  loads: Map<string, number>,
  conflicts: Set<string>,
  taken: Set<string>,
  addedKeys: Set<string>,
  ratersOf: Map<string, Set<string>>,
) {
  const byId = new Map(items.map((i) => [i.id, i]));
  // Each move lowers the sum of squared loads, so this terminates; the bound is only a guard.
  for (let guard = addedKeys.size * raters.length + 1; guard > 0; guard -= 1) {
    const ordered = [...raters].sort((a, b) => loads.get(a.id)! - loads.get(b.id)! || (a.id < b.id ? -1 : 1));
    let moved = false;
    outer: for (let hi = ordered.length - 1; hi >= 0; hi -= 1) {
      const heavy = ordered[hi];
      for (let lo = 0; lo < hi; lo += 1) {
        const light = ordered[lo];
        if (loads.get(heavy.id)! - loads.get(light.id)! <= 1) break;
        const movable = [...addedKeys]
          .filter((key) => key.startsWith(`${heavy.id}\u0000`))
          .map((key) => byId.get(key.split('\u0000')[1])!)
          .filter(
            (item) =>
              !conflicts.has(pairKey(light.id, item.id)) &&
              !taken.has(pairKey(light.id, item.id)) &&
              (light.groups === null || (item.group !== null && light.groups.has(item.group))),
          )
          .sort((a, b) => (a.id < b.id ? -1 : 1))[0];
        if (!movable) continue;
        const from = pairKey(heavy.id, movable.id);
        const to = pairKey(light.id, movable.id);
        addedKeys.delete(from);
        taken.delete(from);
        addedKeys.add(to);
        taken.add(to);
        ratersOf.get(movable.id)!.delete(heavy.id);
        ratersOf.get(movable.id)!.add(light.id);
        loads.set(heavy.id, loads.get(heavy.id)! - 1);
        loads.set(light.id, loads.get(light.id)! + 1);
        moved = true;
        break outer;
      }
    }
    if (!moved) return;
  }
}
