import { buildHierarchy, descendantsOf, sumParts, teamOf, teamSubjectIds } from 'c/rollup';

const { user, id } = require('../../reviewPlan/__tests__/support/engineFixtures');

const director = user(1, { Name: 'Dora Director' });
const m1 = user(2, { Name: 'Max Manager', ManagerId: director.Id });
const m2 = user(3, { Name: 'Mia Manager', ManagerId: director.Id });
const r1 = user(4, { Name: 'Zoe Rep', ManagerId: m1.Id });
const r2 = user(5, { Name: 'Adam Rep', ManagerId: m1.Id });
const r3 = user(6, { Name: 'Rita Rep', ManagerId: m2.Id });
const all = [director, m1, m2, r1, r2, r3];

describe('the hierarchy of a review', () => {
  it('goes up the ManagerId chain to the lowest manager the subjects share', () => {
    const people = buildHierarchy(all, [r1.Id, r2.Id, r3.Id]);
    expect(people.map((p) => [p.name, p.depth, p.isManager, p.teamUserIds.length])).toEqual([
      ['Dora Director', 0, true, 3],
      ['Max Manager', 1, true, 2],
      ['Adam Rep', 2, false, 1],
      ['Zoe Rep', 2, false, 1],
      ['Mia Manager', 1, true, 1],
      ['Rita Rep', 2, false, 1]
    ]);
    expect(teamOf(m1.Id, people)).toEqual([r2.Id, r1.Id]);
  });
  it('stops at the team manager for one team', () => {
    const people = buildHierarchy(all, [r1.Id, r2.Id]);
    expect(people.map((p) => p.name)).toEqual(['Max Manager', 'Adam Rep', 'Zoe Rep']);
  });
  it('is the rep alone for an individual review, and includes a manager who is also a subject', () => {
    expect(buildHierarchy(all, [r3.Id]).map((p) => [p.name, p.isManager])).toEqual([
      ['Rita Rep', false]
    ]);
    const withManager = buildHierarchy(all, [m1.Id, r1.Id]);
    expect(withManager[0]).toMatchObject({
      name: 'Max Manager',
      isSubject: true,
      isManager: true,
      teamUserIds: [m1.Id, r1.Id]
    });
  });
  it('survives a ManagerId cycle and unknown users', () => {
    const a = user(7, { ManagerId: id('005', 8) });
    const b = user(8, { ManagerId: id('005', 7) });
    expect(buildHierarchy([a, b], [a.Id]).map((p) => p.userId)).toEqual([a.Id]);
    expect(buildHierarchy([], [id('005', 9)])).toEqual([
      {
        userId: id('005', 9),
        name: id('005', 9),
        title: null,
        managerId: null,
        isSubject: true,
        isManager: false,
        depth: 0,
        teamUserIds: [id('005', 9)]
      }
    ]);
  });
});

describe('summing parts', () => {
  it('adds numbers field by field, keeps null only when all are null, ANDs flags', () => {
    expect(
      sumParts([
        { numerator: 1, denominator: 2, forecast: null, complete: true },
        { numerator: 3, denominator: 0, forecast: null, complete: false },
        { numerator: null, denominator: 5, forecast: null }
      ])
    ).toEqual({ numerator: 4, denominator: 7, forecast: null, complete: false });
  });
});

// Dana (director) → Maria (manager) → Ana, Ben; Dana → Carl. Eve reports to nobody in the team.
const users = [
  { Id: 'D', ManagerId: null },
  { Id: 'M', ManagerId: 'D' },
  { Id: 'A', ManagerId: 'M' },
  { Id: 'B', ManagerId: 'M' },
  { Id: 'C', ManagerId: 'D' },
  { Id: 'E', ManagerId: null }
];

describe('descendantsOf', () => {
  it('walks down the tree nearest first: direct reports, then theirs', () => {
    expect(descendantsOf(users, 'D')).toEqual(['M', 'C', 'A', 'B']);
    expect(descendantsOf(users, 'M')).toEqual(['A', 'B']);
    // Reports of one manager keep the order of the users given.
    expect(descendantsOf([...users].reverse(), 'D')).toEqual(['C', 'M', 'B', 'A']);
  });

  it('is empty for a rep, a user nobody reports to and an unknown id', () => {
    expect(descendantsOf(users, 'A')).toEqual([]);
    expect(descendantsOf(users, 'E')).toEqual([]);
    expect(descendantsOf(users, 'nobody')).toEqual([]);
    expect(descendantsOf(undefined, 'D')).toEqual([]);
  });

  it('survives a ManagerId cycle, and never lists the user below themselves', () => {
    const cyclic = [
      { Id: 'X', ManagerId: 'Z' },
      { Id: 'Y', ManagerId: 'X' },
      { Id: 'Z', ManagerId: 'Y' },
      { Id: 'S', ManagerId: 'S' }
    ];
    expect(descendantsOf(cyclic, 'X')).toEqual(['Y', 'Z']);
    expect(descendantsOf(cyclic, 'S')).toEqual([]);
  });
});

describe('teamSubjectIds', () => {
  it('takes everyone below the manager, at any depth, in the order of descendantsOf', () => {
    expect(teamSubjectIds(users, 'D', [])).toEqual(['M', 'C', 'A', 'B']);
    expect(teamSubjectIds(users, 'M', ['A'])).toEqual(['A', 'B']);
  });

  it('puts the manager first when they own opportunities', () => {
    expect(teamSubjectIds(users, 'M', ['A', 'M', 'M'])).toEqual(['M', 'A', 'B']);
    expect(teamSubjectIds(users, 'D', new Set(['D']))).toEqual(['D', 'M', 'C', 'A', 'B']);
  });

  it('survives a cycle in the manager chain, a manager without a team and an unknown manager', () => {
    const cyclic = [...users, { Id: 'X', ManagerId: 'Y' }, { Id: 'Y', ManagerId: 'X' }];
    expect(teamSubjectIds(cyclic, 'X', [])).toEqual(['Y']);
    expect(teamSubjectIds(cyclic, 'X', ['X', 'Y'])).toEqual(['X', 'Y']);
    expect(teamSubjectIds(users, 'E', ['E'])).toEqual(['E']);
    expect(teamSubjectIds(users, 'A', [])).toEqual([]);
    expect(teamSubjectIds(users, 'nobody', [])).toEqual([]);
  });
});
