/**
 * Roll-ups along the User.ManagerId hierarchy: who is in a review's scope, each manager's team, and the
 * sum of additive parts. Values of teams are always recomputed from summed parts (numerators and
 * denominators), never averaged: a team's win rate is Σ won ÷ Σ closed.
 */

/**
 * The people of a review: the subjects and their managers up to the lowest manager they all share
 * (the whole chains when they share none), each with the subjects of their subtree.
 * @param {Array<{ Id: string, Name?: string, Title?: string, ManagerId?: string|null }>} users
 * @param {string[]} subjectUserIds
 * @returns {Array<{ userId: string, name: string, title: string|null, managerId: string|null, isSubject: boolean,
 *                   isManager: boolean, depth: number, teamUserIds: string[] }>} depth-first, children by name
 */
export function buildHierarchy(users, subjectUserIds) {
  const byId = new Map((users || []).map((u) => [u.Id, u]));
  const subjects = new Set(subjectUserIds);
  const chains = subjectUserIds.map((id) => {
    const chain = [id];
    const seen = new Set(chain);
    let manager = byId.get(id) ? byId.get(id).ManagerId : null;
    while (manager && byId.has(manager) && !seen.has(manager)) {
      chain.push(manager);
      seen.add(manager);
      manager = byId.get(manager).ManagerId;
    }
    return chain;
  });
  // The lowest common manager: the first id of one chain present in every chain.
  let top = null;
  if (chains.length) {
    top = chains[0].find((id) => chains.every((chain) => chain.includes(id))) || null;
  }
  const members = new Set();
  for (const chain of chains) {
    for (const id of chain) {
      members.add(id);
      if (id === top) break;
    }
  }
  const parentOf = (id) => {
    if (id === top) return null;
    const manager = byId.get(id) ? byId.get(id).ManagerId : null;
    return manager && members.has(manager) ? manager : null;
  };
  const children = new Map();
  const roots = [];
  const nameOf = (id) => (byId.get(id) && byId.get(id).Name) || id;
  for (const id of members) {
    const parent = parentOf(id);
    if (parent) {
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(id);
    } else roots.push(id);
  }
  const byName = (a, b) => {
    if (nameOf(a) !== nameOf(b)) return nameOf(a) < nameOf(b) ? -1 : 1;
    return a < b ? -1 : 1;
  };
  const people = [];
  const visit = (id, depth) => {
    const user = byId.get(id) || {};
    const entry = {
      userId: id,
      name: user.Name || id,
      title: user.Title || null,
      managerId: user.ManagerId || null,
      isSubject: subjects.has(id),
      isManager: false,
      depth,
      teamUserIds: []
    };
    people.push(entry);
    const team = subjects.has(id) ? [id] : [];
    for (const child of (children.get(id) || []).sort(byName))
      team.push(...visit(child, depth + 1));
    entry.teamUserIds = team;
    entry.isManager = team.some((member) => member !== id);
    return team;
  };
  for (const root of roots.sort(byName)) visit(root, 0);
  return people;
}

/**
 * Sums objects of numeric parts field by field; null and missing parts are skipped, and a field stays
 * null when every member has it null.
 * @param {Array<Object<string, number|null|boolean>>} partsList
 * @returns {Object<string, number|null|boolean>}
 */
export function sumParts(partsList) {
  const out = {};
  for (const parts of partsList) {
    for (const [key, value] of Object.entries(parts || {})) {
      if (typeof value === 'boolean') {
        // Flags such as `complete` hold for the team only when they hold for every member.
        out[key] = key in out ? out[key] && value : value;
      } else if (value === null || value === undefined) {
        if (!(key in out)) out[key] = null;
      } else {
        out[key] = (out[key] === null || out[key] === undefined ? 0 : out[key]) + value;
      }
    }
  }
  return out;
}

/**
 * The members of a team whose numbers a manager's row sums.
 * @param {string} userId
 * @param {Array<{ userId: string, teamUserIds: string[] }>} people from {@link buildHierarchy}
 * @returns {string[]}
 */
export function teamOf(userId, people) {
  const entry = people.find((p) => p.userId === userId);
  return entry ? entry.teamUserIds : [];
}

/**
 * Everyone below a user in the User.ManagerId tree, at any depth. It is the one walk down the tree, so
 * a team is the same ids in the same order wherever it is asked for (the workspace's team choices,
 * `report --team`), and so are the `$userIds` of the GraphQL requests built from it. Nearest first
 * (direct reports, then theirs) so a team lists its managers before the people they manage. A
 * ManagerId cycle is walked once, not forever.
 * @param {Array<{ Id: string, ManagerId?: string|null }>} users
 * @param {string} userId
 * @returns {string[]} user ids, not `userId` itself: a level at a time, each manager's reports in the order of `users`
 */
export function descendantsOf(users, userId) {
  const reports = new Map();
  for (const u of users || []) {
    if (!u.ManagerId) continue;
    if (!reports.has(u.ManagerId)) reports.set(u.ManagerId, []);
    reports.get(u.ManagerId).push(u.Id);
  }
  // A queue read by index, not shift(): a whole org's hierarchy stays linear.
  const queue = [userId];
  const seen = new Set(queue);
  for (let head = 0; head < queue.length; head++) {
    for (const id of reports.get(queue[head]) || []) {
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push(id);
    }
  }
  return queue.slice(1);
}

/**
 * The team rule of `report --team` (from an org or a sample-data file): everyone below `managerId`,
 * plus the manager first when they own opportunities themselves.
 * @param {Array<{ Id: string, ManagerId?: string|null }>} users
 * @param {string} managerId
 * @param {Iterable<string>} [opportunityOwnerIds] OwnerId of the opportunities in scope (any order, repeats allowed)
 * @returns {string[]} user ids: the manager (if an owner), then the others as {@link descendantsOf} walks them
 */
export function teamSubjectIds(users, managerId, opportunityOwnerIds) {
  const below = descendantsOf(users, managerId);
  return new Set(opportunityOwnerIds || []).has(managerId) ? [managerId, ...below] : below;
}
