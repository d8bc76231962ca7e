import {
  readContext,
  menuInForce,
  levelOf,
  personOptions,
  subjectsOf,
  isTeamChoice,
  cadencesForLevel,
  isTopOfHierarchy,
  defaultCadence,
  periodTypeOf,
  lastReviewDateOf,
  kpiSnapshot,
  newRecordKey
} from 'c/reviewContext';
import { formatLabel } from 'c/formatters';

const CONTEXT = require('@pacer/fixtures/context.json');

// A director, two managers, three reps: Dana > (Max > Ann, Bob), (Mia > Cy).
const USERS = [
  { Id: 'D', Name: 'Dana', ManagerId: null },
  { Id: 'M1', Name: 'Max', ManagerId: 'D' },
  { Id: 'M2', Name: 'Mia', ManagerId: 'D' },
  { Id: 'R1', Name: 'Bob', ManagerId: 'M1' },
  { Id: 'R2', Name: 'Ann', ManagerId: 'M1' },
  { Id: 'R3', Name: 'Cy', ManagerId: 'M2' }
];
const TEMPLATES = { me: '{0} (me)', wholeTeam: '{0}: whole team', levelUp: '{0}: level up' };

describe('c/reviewContext readContext', () => {
  it('reads users, cadences with their agenda in order, the menu, the policy and the last review dates', () => {
    const context = readContext(CONTEXT);
    expect(context.users.length).toBeGreaterThan(5);
    expect(context.users[0]).toEqual(
      expect.objectContaining({ Id: expect.any(String), Name: expect.any(String) })
    );
    const team = context.cadences.find((c) => c.Key__c === 'team-meeting');
    expect(team.agenda.map((a) => a.Order__c)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(context.kpis.find((k) => k.Key__c === 'sales_won').Unit__c).toBe('Currency');
    expect(context.stagePolicy[0].Stage_Name__c).toBe('Prospecting');
    expect(Object.values(context.lastReviews)).toEqual(['2026-11-09']);
    expect(context.warnings).toEqual([]);
  });

  it('reads an empty or missing response as an empty context', () => {
    expect(readContext(undefined)).toEqual({
      users: [],
      cadences: [],
      kpis: [],
      stagePolicy: [],
      lastReviews: {},
      warnings: []
    });
  });

  it('warns when the users do not fit one page', () => {
    const data = JSON.parse(JSON.stringify(CONTEXT));
    data.uiapi.query.User.pageInfo.hasNextPage = true;
    expect(readContext(data).warnings).toHaveLength(1);
  });
});

describe('c/reviewContext hierarchy', () => {
  it('derives the level from the height of the hierarchy below', () => {
    expect(levelOf(USERS, 'R1')).toBe('Rep');
    expect(levelOf(USERS, 'M1')).toBe('Manager');
    expect(levelOf(USERS, 'D')).toBe('Director');
  });

  it('survives a ManagerId cycle', () => {
    const cycle = [
      { Id: 'A', Name: 'A', ManagerId: 'B' },
      { Id: 'B', Name: 'B', ManagerId: 'A' }
    ];
    expect(levelOf(cycle, 'A')).toBe('Manager');
    expect(subjectsOf({ kind: 'team', userId: 'A' }, cycle)).toEqual(['A', 'B']);
    expect(personOptions(cycle, 'A', TEMPLATES, formatLabel).map((o) => o.value)).toEqual([
      'self:A',
      'team:A',
      'report:B',
      'up:B'
    ]);
  });

  it('offers me, my whole team, my reports by name and each level up', () => {
    const options = personOptions(USERS, 'M1', TEMPLATES, formatLabel);
    expect(options.map((o) => [o.value, o.label])).toEqual([
      ['self:M1', 'Max (me)'],
      ['team:M1', 'Max: whole team'],
      ['report:R2', 'Ann'],
      ['report:R1', 'Bob'],
      ['up:D', 'Dana: level up']
    ]);
    expect(personOptions(USERS, 'R3', TEMPLATES, formatLabel).map((o) => o.value)).toEqual([
      'self:R3',
      'up:M2',
      'up:D'
    ]);
  });

  it('covers one person or a leader and everyone below, nearest first', () => {
    expect(subjectsOf({ kind: 'report', userId: 'R1' }, USERS)).toEqual(['R1']);
    expect(subjectsOf({ kind: 'self', userId: 'M1' }, USERS)).toEqual(['M1']);
    expect(subjectsOf({ kind: 'team', userId: 'M1' }, USERS)).toEqual(['M1', 'R1', 'R2']);
    expect(subjectsOf({ kind: 'up', userId: 'D' }, USERS)).toEqual([
      'D',
      'M1',
      'M2',
      'R1',
      'R2',
      'R3'
    ]);
    expect(subjectsOf({ kind: 'team', userId: 'R1' }, USERS)).toEqual(['R1']);
    expect(isTeamChoice({ kind: 'up' })).toBe(true);
    expect(isTeamChoice({ kind: 'self' })).toBe(false);
  });
});

describe('c/reviewContext cadences and periods', () => {
  const cadences = [
    { Id: 'c2', Level__c: 'Rep', Meeting_Type__c: 'Performance coaching', Sort_Order__c: 2 },
    { Id: 'c1', Level__c: 'Rep', Meeting_Type__c: 'Individual coaching', Sort_Order__c: 1 },
    { Id: 'c3', Level__c: 'Manager', Meeting_Type__c: 'Team meeting', Sort_Order__c: 3 }
  ];

  it('keeps the cadences of the level, in order, or all of them when none fits', () => {
    expect(cadencesForLevel(cadences, 'Rep').map((c) => c.Id)).toEqual(['c1', 'c2']);
    expect(cadencesForLevel(cadences, 'Executive').map((c) => c.Id)).toEqual(['c1', 'c2', 'c3']);
  });

  it('opens the Executive meetings to whoever sits at the top of the hierarchy', () => {
    const withAnnual = [
      ...cadences,
      { Id: 'c4', Level__c: 'Executive', Meeting_Type__c: 'Annual planning', Sort_Order__c: 4 }
    ];
    expect(cadencesForLevel(withAnnual, 'Manager', true).map((c) => c.Id)).toEqual(['c3', 'c4']);
    expect(cadencesForLevel(withAnnual, 'Manager').map((c) => c.Id)).toEqual(['c3']);
    const users = [
      { Id: 'D', ManagerId: null },
      { Id: 'M', ManagerId: 'D' },
      { Id: 'R', ManagerId: 'M' },
      { Id: 'X', ManagerId: 'gone' },
      { Id: 'Y', ManagerId: 'X' }
    ];
    expect(isTopOfHierarchy(users, 'D')).toBe(true);
    expect(isTopOfHierarchy(users, 'M')).toBe(false);
    // Nobody reports to a rep; a manager whose manager is not among the users is a top too.
    expect(isTopOfHierarchy(users, 'R')).toBe(false);
    expect(isTopOfHierarchy(users, 'X')).toBe(true);
    expect(isTopOfHierarchy(users, 'nobody')).toBe(false);
  });

  it('opens the preferred meeting type, else the first', () => {
    const rep = cadencesForLevel(cadences, 'Rep');
    expect(defaultCadence(rep, 'Performance coaching').Id).toBe('c2');
    expect(defaultCadence(rep, 'Team meeting').Id).toBe('c1');
    expect(defaultCadence([], 'Team meeting')).toBeUndefined();
  });

  it('reviews the period of the cadence frequency, a month when unknown', () => {
    expect(periodTypeOf({ Frequency__c: 'Weekly' })).toBe('Week');
    expect(periodTypeOf({ Frequency__c: 'Quarterly' })).toBe('Quarter');
    expect(periodTypeOf({ Frequency__c: 'Annual' })).toBe('Year');
    expect(periodTypeOf({ Frequency__c: null })).toBe('Month');
  });

  it('finds the last review of a subject in a cadence', () => {
    const last = { 'R1|c1': '2026-11-09' };
    expect(lastReviewDateOf(last, 'R1', 'c1')).toBe('2026-11-09');
    expect(lastReviewDateOf(last, 'R1', 'c2')).toBeNull();
  });

  it('uses the menu of the fiscal year, or the latest earlier one', () => {
    const kpis = [
      { Key__c: 'a', Menu_Year__c: 2025, Definition__c: '{}' },
      { Key__c: 'b', Menu_Year__c: 2026, Definition__c: '{}' },
      { Key__c: 'c', Menu_Year__c: 2027, Definition__c: '{}' },
      { Key__c: 'd', Menu_Year__c: null, Definition__c: '{}' }
    ];
    expect(menuInForce(kpis, '2026-11-23', 1).map((k) => k.Key__c)).toEqual(['b', 'd']);
    expect(menuInForce(kpis, '2030-01-01', 1).map((k) => k.Key__c)).toEqual(['c', 'd']);
    expect(menuInForce(kpis, '2020-01-01', 1).map((k) => k.Key__c)).toEqual(['a', 'd']);
  });

  it('leaves out KPIs whose key or definition is hidden by field-level security', () => {
    const kpis = [
      { Key__c: 'a', Menu_Year__c: 2026, Definition__c: '{}' },
      { Key__c: 'b', Menu_Year__c: 2026, Definition__c: null },
      { Key__c: null, Menu_Year__c: 2026, Definition__c: '{}' }
    ];
    expect(menuInForce(kpis, '2026-11-23', 1).map((k) => k.Key__c)).toEqual(['a']);
  });
});

describe('c/reviewContext records', () => {
  it('snapshots the KPI values shown as JSON', () => {
    const model = {
      scope: {
        subjectUserIds: ['R1'],
        asOf: '2026-11-23',
        lastReviewDate: '2026-11-09',
        currency: 'EUR',
        period: { type: 'Month', start: '2026-11-01', end: '2026-11-30' }
      },
      kpis: [
        {
          key: 'sales_won',
          total: { value: 10, target: 20, attainment: 50, status: 'red', parts: {} }
        },
        { key: 'calls', total: null }
      ],
      trust: { measures: [{ key: 'pastCloseDate', value: 3, snoozed: 1 }] }
    };
    const snapshot = JSON.parse(
      kpiSnapshot(model, { subjectUserId: 'R1', cadenceKey: 'ic', level: 'Rep' })
    );
    expect(snapshot).toEqual({
      version: 1,
      subjectUserId: 'R1',
      subjectUserIds: ['R1'],
      cadence: 'ic',
      level: 'Rep',
      asOf: '2026-11-23',
      lastReviewDate: '2026-11-09',
      period: { type: 'Month', start: '2026-11-01', end: '2026-11-30' },
      currency: 'EUR',
      kpis: [
        { key: 'sales_won', value: 10, target: 20, attainment: 50, status: 'red' },
        { key: 'calls', value: null, target: null, attainment: null, status: 'none' }
      ],
      trust: [{ key: 'pastCloseDate', value: 3, snoozed: 1 }]
    });
  });

  it('makes a new unique key each time', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newRecordKey('action')));
    expect(keys.size).toBe(50);
    expect([...keys][0]).toMatch(/^action-/);
  });
});
