/**
 * How popular a session is, for the proposal's room sizing: attendees' interest first (how many marked it), and
 * among sessions with the same number of marks, reviewers' calibrated rank (1 = best). Before anyone marks
 * anything, the ranking alone decides; sessions with no rank come last. Higher is more popular.
 */
export function popularity(interested: number, rank: number | undefined, ranked: number): number {
  // ranks run 1..ranked (unranked: ranked + 1), so a mark always outweighs any difference in rank
  const fromRank = ranked + 1 - (rank ?? ranked + 1);
  return interested * (ranked + 2) + fromRank;
}
