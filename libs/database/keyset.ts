/** Where a keyset page starts: after the row with this sort timestamp and id. */
export interface KeysetPosition {
  at: Date;
  id: string;
}

/**
 * The Prisma condition for the rows after `position` in (createdAt, id) order, oldest first or (`desc`) newest
 * first; the first page adds no condition.
 */
export function createdAfter(position: KeysetPosition | undefined, order: 'asc' | 'desc' = 'asc') {
  if (!position) return {};
  const { at, id } = position;
  return order === 'asc'
    ? { OR: [{ createdAt: { gt: at } }, { createdAt: at, id: { gt: id } }] }
    : { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] };
}
