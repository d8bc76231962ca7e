/** Stage movement since the last review: deals moved (still open, won, lost) and not moved. */

/**
 * The movement section: deals moved since the last review (still open, won, lost) and not moved, in
 * total and per subject.
 */
export function buildMovement(subjects, base) {
  const rowFor = (userIds) => {
    const out = { movedOpen: 0, movedWon: 0, movedLost: 0, notMoved: 0 };
    for (const id of userIds) {
      const b = base.get(id);
      out.movedOpen += b.movedOpen;
      out.movedWon += b.movedWon;
      out.movedLost += b.movedLost;
      out.notMoved += b.openCount - b.movedOpen;
    }
    return out;
  };
  return {
    ...rowFor(subjects),
    byUser: subjects.map((userId) => ({ userId, ...rowFor([userId]) }))
  };
}
