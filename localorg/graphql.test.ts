/**
 * Real GraphQL documents over HTTP, checked against the same numbers computed directly from the
 * records of the data set.
 */
import { generateSampleData } from '../sample-data/generate';
import type { SObjectRecord } from '../sample-data/types';
import { startLocalOrg, type LocalOrg } from './server';
import { call, connectionOf, graphql, type GraphqlBody } from './testing';

const data = generateSampleData({ seed: 11, reps: 8, opportunities: 3000 });
const asOf = data.meta.asOf;
const opps = data.records.Opportunity;
const users = data.records.User;
const accounts = new Map(data.records.Account.map((a) => [a.Id, a]));
const usersById = new Map(users.map((u) => [u.Id, u]));
const STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost'
];

let org: LocalOrg;
beforeAll(async () => {
  org = await startLocalOrg({ data });
});
afterAll(async () => {
  await org.close();
});

async function count(where: string, object = 'Opportunity'): Promise<number> {
  const response = await graphql(
    org,
    `query c { uiapi { query { ${object}(first: 1, where: ${where}) { totalCount } } } }`
  );
  expect(response.body.errors).toEqual([]);
  return connectionOf(response.body, 'query', object).totalCount;
}

/** Ids order by their characters (base 62 digits in ASCII order), not by locale. */
const ascii = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sum = (records: SObjectRecord[], field: string) =>
  Math.round(
    records.reduce((s, r) => s + (typeof r[field] === 'number' ? (r[field] as number) : 0), 0) * 100
  ) / 100;

describe('UI API GraphQL record queries', () => {
  it('answers with data and an empty errors array, field values wrapped as { value displayValue }', async () => {
    const response = await graphql(
      org,
      `
        query top {
          uiapi {
            query {
              Opportunity(
                first: 1
                where: { Amount: { ne: null } }
                orderBy: { Amount: { order: DESC } }
              ) {
                edges {
                  node {
                    Id
                    Name {
                      value
                    }
                    Amount {
                      value
                      displayValue
                    }
                    CloseDate {
                      value
                      displayValue
                    }
                    StageName {
                      value
                      displayValue
                    }
                    IsWon {
                      value
                    }
                    Owner {
                      Name {
                        value
                      }
                    }
                    Account {
                      Name {
                        value
                      }
                    }
                  }
                  cursor
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
                totalCount
              }
            }
          }
        }
      `
    );
    expect(response.status).toBe(200);
    expect(response.body.errors).toEqual([]);
    const biggest = [...opps]
      .filter((o) => o.Amount !== null)
      .sort((a, b) => Number(b.Amount) - Number(a.Amount))[0];
    const node = connectionOf(response.body, 'query', 'Opportunity').edges[0].node;
    expect(node).toEqual({
      Id: biggest.Id,
      Name: { value: biggest.Name },
      Amount: {
        value: biggest.Amount,
        displayValue: `€${Number(biggest.Amount).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`
      },
      CloseDate: {
        value: biggest.CloseDate,
        displayValue: String(biggest.CloseDate).split('-').reverse().join('/')
      },
      StageName: { value: biggest.StageName, displayValue: biggest.StageName },
      IsWon: { value: biggest.IsWon },
      Owner: { Name: { value: usersById.get(biggest.OwnerId)!.Name } },
      Account: { Name: { value: accounts.get(biggest.AccountId)!.Name } }
    });
  });

  const cases: Array<[string, string, (o: SObjectRecord) => boolean]> = [
    [
      'eq on a picklist, case-insensitively',
      '{ StageName: { eq: "prospecting" } }',
      (o) => o.StageName === 'Prospecting'
    ],
    ['ne', '{ StageName: { ne: "Closed Lost" } }', (o) => o.StageName !== 'Closed Lost'],
    ['lt', '{ Amount: { lt: 20000 } }', (o) => o.Amount !== null && Number(o.Amount) < 20000],
    ['lte', '{ Amount: { lte: 20000 } }', (o) => o.Amount !== null && Number(o.Amount) <= 20000],
    ['gt', '{ Amount: { gt: 50000 } }', (o) => o.Amount !== null && Number(o.Amount) > 50000],
    [
      'gte and lt together',
      '{ Amount: { gte: 10000, lt: 30000 } }',
      (o) => o.Amount !== null && Number(o.Amount) >= 10000 && Number(o.Amount) < 30000
    ],
    [
      'in',
      '{ StageName: { in: ["Closed Won", "Negotiation/Review"] } }',
      (o) => o.StageName === 'Closed Won' || o.StageName === 'Negotiation/Review'
    ],
    ['nin', '{ StageName: { nin: ["Closed Won", "Closed Lost"] } }', (o) => o.IsClosed === false],
    [
      'like',
      '{ Name: { like: "%Solar%" } }',
      (o) => String(o.Name).toLowerCase().includes('solar')
    ],
    ['eq null', '{ Amount: { eq: null } }', (o) => o.Amount === null],
    ['boolean eq', '{ IsClosed: { eq: false } }', (o) => o.IsClosed === false],
    [
      'date value',
      '{ CloseDate: { gte: { value: "2026-01-01" } } }',
      (o) => String(o.CloseDate) >= '2026-01-01'
    ],
    [
      'date literal THIS_MONTH',
      '{ CloseDate: { eq: { literal: THIS_MONTH } } }',
      (o) => String(o.CloseDate) >= '2026-11-01' && String(o.CloseDate) < '2026-12-01'
    ],
    [
      'date literal lt TODAY',
      '{ CloseDate: { lt: { literal: TODAY } } }',
      (o) => String(o.CloseDate) < asOf
    ],
    [
      'date range last_n_days',
      '{ CloseDate: { eq: { range: { last_n_days: 30 } } } }',
      (o) => String(o.CloseDate) >= '2026-10-24' && String(o.CloseDate) <= asOf
    ],
    [
      'date range next_n_days',
      '{ CloseDate: { eq: { range: { next_n_days: 30 } } } }',
      (o) => String(o.CloseDate) > asOf && String(o.CloseDate) <= '2026-12-23'
    ],
    // Local midnight of 2026-01-01 in Europe/Paris is 23:00 UTC the day before.
    [
      'datetime literal THIS_YEAR',
      '{ CreatedDate: { gte: { literal: THIS_YEAR } } }',
      (o) => String(o.CreatedDate) >= '2025-12-31T23:00:00.000Z'
    ],
    [
      'date function',
      '{ CloseDate: { CALENDAR_YEAR: { eq: 2025 } } }',
      (o) => String(o.CloseDate).startsWith('2025')
    ],
    [
      'and',
      '{ and: [{ IsWon: { eq: true } }, { Amount: { gt: 30000 } }] }',
      (o) => o.IsWon === true && Number(o.Amount) > 30000
    ],
    [
      'or',
      '{ or: [{ StageName: { eq: "Prospecting" } }, { Amount: { eq: null } }] }',
      (o) => o.StageName === 'Prospecting' || o.Amount === null
    ],
    ['not', '{ not: { IsClosed: { eq: true } } }', (o) => o.IsClosed === false],
    [
      'parent relationship',
      '{ Account: { Industry: { eq: "Retail" } } }',
      (o) => accounts.get(o.AccountId)!.Industry === 'Retail'
    ],
    [
      'two levels up the hierarchy',
      `{ Owner: { Manager: { Name: { eq: "${users[1].Name}" } } } }`,
      (o) => usersById.get(o.OwnerId)!.ManagerId === users[1].Id
    ]
  ];

  it.each(cases)('filters with %s', async (_name, where, predicate) => {
    const expected = opps.filter(predicate).length;
    expect(expected).toBeGreaterThan(0);
    await expect(count(where)).resolves.toBe(expected);
  });

  it('filters polymorphic relationships and scopes', async () => {
    const wonIds = new Set(opps.filter((o) => o.IsWon === true).map((o) => o.Id));
    const tasksOnWon = data.records.Task.filter((t) => wonIds.has(t.WhatId)).length;
    await expect(count('{ What: { Opportunity: { IsWon: { eq: true } } } }', 'Task')).resolves.toBe(
      tasksOnWon
    );
    const mine = await graphql(
      org,
      'query s { uiapi { query { mine: Opportunity(scope: MINE) { totalCount } team: Opportunity(scope: TEAM) { totalCount } } } }'
    );
    // The session user is the director: no deals of their own, the whole org below them.
    expect(connectionOf(mine.body, 'query', 'mine').totalCount).toBe(0);
    expect(connectionOf(mine.body, 'query', 'team').totalCount).toBe(opps.length);
  });

  it('semi- and anti-joins: activity on accounts without a won deal', async () => {
    const withWin = new Set(opps.filter((o) => o.IsWon === true).map((o) => o.AccountId));
    const expected = data.records.Task.filter((t) => !withWin.has(t.AccountId)).length;
    await expect(
      count(
        '{ AccountId: { ninq: { Opportunity: { IsWon: { eq: true } }, ApiName: "AccountId" } } }',
        'Task'
      )
    ).resolves.toBe(expected);
    await expect(
      count(
        '{ AccountId: { inq: { Opportunity: { IsWon: { eq: true } }, ApiName: "AccountId" } } }',
        'Task'
      )
    ).resolves.toBe(data.records.Task.length - expected);
  });

  it('pages to the end with first/after, ordered by two keys', async () => {
    const expected = opps
      .filter((o) => o.IsClosed === false)
      .sort(
        (a, b) =>
          ascii(String(a.CloseDate), String(b.CloseDate)) || ascii(String(b.Id), String(a.Id))
      )
      .map((o) => o.Id);
    const seen: unknown[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const response = await graphql(
        org,
        `
          query page($after: String, $orderBy: Opportunity_OrderBy) {
            uiapi {
              query {
                Opportunity(
                  first: 200
                  after: $after
                  where: { IsClosed: { eq: false } }
                  orderBy: $orderBy
                ) {
                  edges {
                    node {
                      Id
                    }
                  }
                  pageInfo {
                    hasNextPage
                    endCursor
                  }
                  totalCount
                }
              }
            }
          }
        `,
        { after, orderBy: { CloseDate: { order: 'ASC' }, Id: { order: 'DESC' } } }
      );
      expect(response.body.errors).toEqual([]);
      const page = connectionOf(response.body, 'query', 'Opportunity');
      expect(page.totalCount).toBe(expected.length);
      seen.push(...page.edges.map((e) => e.node.Id));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(expected.length / 200));
    expect(seen).toEqual(expected);
  });

  it('follows child relationships', async () => {
    const account = data.records.Account.find(
      (a) => opps.filter((o) => o.AccountId === a.Id).length > 3
    )!;
    const response = await graphql(
      org,
      `
        query kids($id: ID) {
          uiapi {
            query {
              Account(where: { Id: { eq: $id } }) {
                edges {
                  node {
                    Opportunities(first: 2, orderBy: { Amount: { order: DESC, nulls: LAST } }) {
                      edges {
                        node {
                          Amount {
                            value
                          }
                        }
                      }
                      totalCount
                    }
                  }
                }
              }
            }
          }
        }
      `,
      { id: account.Id }
    );
    expect(response.body.errors).toEqual([]);
    const children = connectionOf(response.body, 'query', 'Account').edges[0].node
      .Opportunities as {
      edges: Array<{ node: { Amount: { value: number } } }>;
      totalCount: number;
    };
    const own = opps.filter((o) => o.AccountId === account.Id);
    expect(children.totalCount).toBe(own.length);
    const amounts = own
      .map((o) => o.Amount)
      .filter((a): a is number => a !== null)
      .sort((a, b) => b - a);
    expect(children.edges.map((e) => e.node.Amount.value)).toEqual(amounts.slice(0, 2));
  });

  it('tells who the current user is, from API v66.0 on', async () => {
    const response = await call<GraphqlBody>(org, 'POST', '/services/data/v66.0/graphql', {
      query: 'query me { uiapi { currentUser { Id Name { value } } } }'
    });
    expect(response.body.data).toEqual({
      uiapi: { currentUser: { Id: users[0].Id, Name: { value: users[0].Name } } }
    });
  });
});

describe('UI API GraphQL aggregate queries', () => {
  it('computes every aggregate function, grouped by owner', async () => {
    const response = await graphql(
      org,
      `
        query byOwner {
          uiapi {
            aggregate {
              Opportunity(
                where: { IsClosed: { eq: true } }
                groupBy: { OwnerId: { group: true } }
              ) {
                edges {
                  node {
                    aggregate {
                      OwnerId {
                        value
                      }
                      Id {
                        count {
                          value
                        }
                      }
                      AccountId {
                        countDistinct {
                          value
                        }
                      }
                      Amount {
                        count {
                          value
                        }
                        sum {
                          value
                        }
                        avg {
                          value
                        }
                        min {
                          value
                        }
                        max {
                          value
                        }
                      }
                      CloseDate {
                        min {
                          value
                        }
                        max {
                          value
                        }
                      }
                      StageName {
                        min {
                          value
                        }
                        max {
                          value
                        }
                      }
                    }
                  }
                }
                totalCount
              }
            }
          }
        }
      `
    );
    expect(response.body.errors).toEqual([]);
    const result = connectionOf(response.body, 'aggregate', 'Opportunity');
    const closed = opps.filter((o) => o.IsClosed === true);
    const owners = [...new Set(closed.map((o) => o.OwnerId))].sort();
    expect(result.totalCount).toBe(owners.length);
    const got = result.edges.map(
      (e) => e.node.aggregate as Record<string, Record<string, { value: unknown }>>
    );
    expect(got.map((g) => (g.OwnerId as unknown as { value: string }).value)).toEqual(owners);
    for (const g of got) {
      const mine = closed.filter(
        (o) => o.OwnerId === (g.OwnerId as unknown as { value: string }).value
      );
      const amounts = mine.map((o) => o.Amount).filter((a): a is number => a !== null);
      const dates = mine.map((o) => String(o.CloseDate)).sort();
      const stages = mine.map((o) => STAGES.indexOf(String(o.StageName))).sort((a, b) => a - b);
      expect(g.Id.count.value).toBe(mine.length);
      expect(g.AccountId.countDistinct.value).toBe(new Set(mine.map((o) => o.AccountId)).size);
      expect(g.Amount.count.value).toBe(amounts.length);
      expect(g.Amount.sum.value).toBe(sum(mine, 'Amount'));
      expect(g.Amount.avg.value).toBeCloseTo(
        amounts.reduce((s, a) => s + a, 0) / amounts.length,
        6
      );
      expect(g.Amount.min.value).toBe(Math.min(...amounts));
      expect(g.Amount.max.value).toBe(Math.max(...amounts));
      expect(g.CloseDate.min.value).toBe(dates[0]);
      expect(g.CloseDate.max.value).toBe(dates[dates.length - 1]);
      // MIN/MAX of a picklist follow the picklist's order, as in SOQL.
      expect(g.StageName.min.value).toBe(STAGES[stages[0]]);
      expect(g.StageName.max.value).toBe(STAGES[stages[stages.length - 1]]);
    }
  });

  it('groups by owner and stage, and by a parent field', async () => {
    const response = await graphql(
      org,
      `
        query funnel {
          uiapi {
            aggregate {
              byOwnerStage: Opportunity(
                where: { IsClosed: { eq: false } }
                groupBy: { OwnerId: { group: true }, StageName: { group: true } }
              ) {
                edges {
                  node {
                    aggregate {
                      OwnerId {
                        value
                      }
                      StageName {
                        value
                        displayValue
                      }
                      Id {
                        count {
                          value
                        }
                      }
                      Amount {
                        sum {
                          value
                        }
                      }
                      ExpectedRevenue {
                        sum {
                          value
                        }
                      }
                    }
                  }
                }
              }
              byOwnerName: Opportunity(groupBy: { Owner: { Name: { group: true } } }) {
                edges {
                  node {
                    aggregate {
                      Owner {
                        Name {
                          value
                        }
                      }
                      Id {
                        count {
                          value
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      `
    );
    expect(response.body.errors).toEqual([]);
    const open = opps.filter((o) => o.IsClosed === false);
    const expected = new Map<string, SObjectRecord[]>();
    for (const o of open) {
      const key = `${String(o.OwnerId)}|${String(o.StageName)}`;
      expected.set(key, [...(expected.get(key) ?? []), o]);
    }
    const rows = connectionOf(response.body, 'aggregate', 'byOwnerStage').edges.map(
      (e) =>
        e.node.aggregate as Record<
          string,
          { value?: unknown; count?: { value: number }; sum?: { value: number } }
        >
    );
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) {
      const group = expected.get(`${String(row.OwnerId.value)}|${String(row.StageName.value)}`)!;
      expect(row.Id.count!.value).toBe(group.length);
      expect(row.Amount.sum!.value ?? 0).toBe(sum(group, 'Amount'));
      // ExpectedRevenue is computed by the org: Amount × Probability / 100.
      const weighted = group.reduce(
        (s, o) => s + (Number(o.Amount ?? 0) * Number(o.Probability)) / 100,
        0
      );
      expect(row.ExpectedRevenue.sum!.value ?? 0).toBeCloseTo(weighted, 2);
    }
    const byName = connectionOf(response.body, 'aggregate', 'byOwnerName').edges.map(
      (e) =>
        e.node.aggregate as { Owner: { Name: { value: string } }; Id: { count: { value: number } } }
    );
    for (const row of byName) {
      const ownerIds = users.filter((u) => u.Name === row.Owner.Name.value).map((u) => u.Id);
      expect(row.Id.count.value).toBe(opps.filter((o) => ownerIds.includes(o.OwnerId)).length);
    }
  });

  it('groups a DateTime field by a date function, in the org time zone, and rolls up with subtotals', async () => {
    const response = await graphql(
      org,
      `
        query months {
          uiapi {
            aggregate {
              created: Opportunity(
                where: { CreatedDate: { gte: { literal: THIS_YEAR } } }
                groupBy: { CreatedDate: { function: CALENDAR_MONTH } }
              ) {
                edges {
                  node {
                    aggregate {
                      CreatedDate {
                        value
                        displayValue
                      }
                      Amount {
                        sum {
                          value
                        }
                      }
                    }
                  }
                }
              }
              rolled: Opportunity(
                where: { IsClosed: { eq: true } }
                groupBy: { type: ROLLUP, IsWon: { group: true } }
              ) {
                edges {
                  node {
                    aggregate {
                      IsWon {
                        value
                        grouping {
                          value
                        }
                      }
                      Id {
                        count {
                          value
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      `
    );
    expect(response.body.errors).toEqual([]);
    // The data set's org time zone is Europe/Paris: the month is the one on a Paris calendar.
    const parisMonth = (iso: unknown) =>
      Number(
        new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', month: 'numeric' }).format(
          new Date(String(iso))
        )
      );
    const created = opps.filter((o) => String(o.CreatedDate) >= '2025-12-31T23:00:00.000Z');
    const months = connectionOf(response.body, 'aggregate', 'created').edges.map(
      (e) =>
        e.node.aggregate as {
          CreatedDate: { value: number; displayValue: string };
          Amount: { sum: { value: number } };
        }
    );
    expect(months.map((m) => m.CreatedDate.value)).toEqual(
      [...new Set(created.map((o) => parisMonth(o.CreatedDate)))].sort((a, b) => a - b)
    );
    for (const m of months) {
      // Grouped only through CALENDAR_MONTH, the field's value is the month number.
      expect(m.CreatedDate.displayValue).toBe(String(m.CreatedDate.value));
      expect(m.Amount.sum.value).toBe(
        sum(
          created.filter((o) => parisMonth(o.CreatedDate) === m.CreatedDate.value),
          'Amount'
        )
      );
    }
    const rolled = connectionOf(response.body, 'aggregate', 'rolled').edges.map(
      (e) =>
        e.node.aggregate as {
          IsWon: { value: boolean | null; grouping: { value: number } };
          Id: { count: { value: number } };
        }
    );
    const closed = opps.filter((o) => o.IsClosed === true);
    expect(rolled).toEqual([
      {
        IsWon: { value: false, grouping: { value: 0 } },
        Id: { count: { value: closed.filter((o) => !o.IsWon).length } }
      },
      {
        IsWon: { value: true, grouping: { value: 0 } },
        Id: { count: { value: closed.filter((o) => o.IsWon).length } }
      },
      { IsWon: { value: null, grouping: { value: 1 } }, Id: { count: { value: closed.length } } }
    ]);
  });

  it('orders groups by a grouped field and pages through them', async () => {
    const query = `query top($after: String) { uiapi { aggregate { Opportunity(first: 3, after: $after, where: { IsWon: { eq: true } },
      groupBy: { OwnerId: { group: true } }, orderBy: { OwnerId: { order: DESC } }) {
        edges { node { aggregate { OwnerId { value } Amount { sum { value } } } } } pageInfo { hasNextPage endCursor } totalCount } } } }`;
    const expected = [
      ...new Set(opps.filter((x) => x.IsWon === true).map((o) => String(o.OwnerId)))
    ]
      .sort(ascii)
      .reverse();
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const response = await graphql(org, query, { after });
      expect(response.body.errors).toEqual([]);
      const page = connectionOf(response.body, 'aggregate', 'Opportunity');
      seen.push(
        ...page.edges.map((e) => (e.node.aggregate as { OwnerId: { value: string } }).OwnerId.value)
      );
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected);
  });

  it('counts activity the way the activity panel asks for it', async () => {
    const since = '2026-08-25';
    const response = await graphql(
      org,
      `query activity { uiapi { aggregate {
         calls: Task(where: { TaskSubtype: { eq: "Call" }, ActivityDate: { gte: { value: "${since}" }, lt: { literal: TODAY } } }, groupBy: { OwnerId: { group: true } }) {
           edges { node { aggregate { OwnerId { value } Id { count { value } } } } } }
         meetings: Event(where: { ActivityDate: { gte: { value: "${since}" }, lt: { literal: TODAY } } }, groupBy: { OwnerId: { group: true } }) {
           edges { node { aggregate { OwnerId { value } DurationInMinutes { sum { value } } } } } }
       } } }`
    );
    expect(response.body.errors).toEqual([]);
    const inWindow = (r: SObjectRecord) =>
      String(r.ActivityDate) >= since && String(r.ActivityDate) < asOf;
    for (const edge of connectionOf(response.body, 'aggregate', 'calls').edges) {
      const a = edge.node.aggregate as {
        OwnerId: { value: string };
        Id: { count: { value: number } };
      };
      expect(a.Id.count.value).toBe(
        data.records.Task.filter(
          (t) => t.OwnerId === a.OwnerId.value && t.TaskSubtype === 'Call' && inWindow(t)
        ).length
      );
    }
    for (const edge of connectionOf(response.body, 'aggregate', 'meetings').edges) {
      const a = edge.node.aggregate as {
        OwnerId: { value: string };
        DurationInMinutes: { sum: { value: number } };
      };
      expect(a.DurationInMinutes.sum.value).toBe(
        sum(
          data.records.Event.filter((e) => e.OwnerId === a.OwnerId.value && inWindow(e)),
          'DurationInMinutes'
        )
      );
    }
  });
});

describe('UI API GraphQL validation', () => {
  it('rejects a field the metadata lacks with a validation error, not an empty result', async () => {
    const response = await graphql(
      org,
      'query q { uiapi { query { Opportunity { edges { node { Id Discount__c { value } } } } } } }'
    );
    expect(response.status).toBe(200);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message:
          "Validation error of type FieldUndefined: Field 'Discount__c' in type 'Opportunity' is undefined @ 'uiapi/query/Opportunity/edges/node/Discount__c'",
        extensions: { ErrorType: 'ValidationError', classification: 'ValidationError' }
      })
    ]);
  });

  it('rejects an object, a filter field and an aggregate function that do not exist', async () => {
    const object = await graphql(
      org,
      'query q { uiapi { query { Quote__c { edges { node { Id } } } } } }'
    );
    expect(object.body.errors[0].message).toMatch(
      /FieldUndefined.*Field 'Quote__c' in type 'RecordQuery' is undefined/
    );
    const filter = await graphql(
      org,
      'query q { uiapi { query { Opportunity(where: { Discount__c: { gt: 1 } }) { totalCount } } } }'
    );
    expect(filter.body.errors[0].message).toBe(
      "Validation error of type WrongType: argument 'where' with value 'ObjectValue{objectFields=[ObjectField{name='Discount__c', value=ObjectValue{objectFields=[ObjectField{name='gt', value=IntValue{value=1}}]}}]}' contains a field not in 'Opportunity_Filter': 'Discount__c' @ 'uiapi/query/Opportunity'"
    );
    const booleanCount = await graphql(
      org,
      'query q { uiapi { aggregate { Opportunity { edges { node { aggregate { IsWon { count { value } } } } } } } } }'
    );
    expect(booleanCount.body.errors[0].message).toMatch(
      /Field 'count' in type 'BooleanAggregate' is undefined/
    );
    const variable = await graphql(
      org,
      'query q($w: Opportunity_Filter) { uiapi { query { Opportunity(where: $w) { totalCount } } } }',
      {
        w: { Amount: { gt: 'lots' } }
      }
    );
    expect(variable.body.data).toBeUndefined();
    expect(variable.body.errors[0].message).toMatch(/Currency cannot represent value/);
  });

  it('knows the custom objects and fields of force-app metadata', async () => {
    const response = await graphql(
      org,
      'query q { uiapi { query { SPM_KPI__c { edges { node { Key__c { value } Levels__c { value } } } totalCount } } } }'
    );
    expect(response.body.errors).toEqual([]);
    // Long text areas cannot be filtered, as in SOQL.
    const longText = await graphql(
      org,
      'query q { uiapi { query { SPM_KPI__c(where: { Definition__c: { eq: "x" } }) { totalCount } } } }'
    );
    expect(longText.body.errors[0].message).toMatch(/WrongType/);
  });

  it('reports limits of the API as errors: page size and subqueries per request', async () => {
    const big = await graphql(
      org,
      'query q { uiapi { query { Opportunity(first: 2001) { totalCount } } } }'
    );
    expect(big.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/first must be less than or equal to 2000/),
      path: ['uiapi', 'query', 'Opportunity']
    });
    const aliases = Array.from(
      { length: 11 },
      (_, i) => `q${i}: Opportunity(first: 1) { totalCount }`
    ).join(' ');
    const many = await graphql(org, `query q { uiapi { query { ${aliases} } } }`);
    expect(many.body.errors[0].message).toMatch(/at most 10 subqueries/);
    const syntax = await graphql(org, 'query q { uiapi { ');
    expect(syntax.body.errors[0].message).toMatch(/^Invalid Syntax/);
  });
});
