import {
  compilePredicate,
  runAggregate,
  runRecordQuery,
  fieldValue,
  createIndex
} from 'c/recordQueries';
import { and, cmp, variable } from 'c/criteria';

const { opp, id, at } = require('../../reviewPlan/__tests__/support/engineFixtures');

const vars = {
  asOf: { type: 'Date', value: '2026-11-23' },
  since: { type: 'DateTime', value: '2026-11-01T00:00:00.000Z' }
};
const test = (node, record, object) =>
  compilePredicate(node, object || 'Opportunity', vars)(record);

describe('filters on records follow SOQL semantics', () => {
  it('matches null with eq null, and with ne / nin a value', () => {
    const noAmount = opp({ Amount: null });
    expect(test(cmp('Amount', 'eq', null), noAmount)).toBe(true);
    expect(test(cmp('Amount', 'ne', 100), noAmount)).toBe(true);
    expect(test(cmp('Amount', 'nin', [100]), noAmount)).toBe(true);
    expect(test(cmp('Amount', 'lt', 100), noAmount)).toBe(false);
    expect(test(cmp('Amount', 'gte', 0), noAmount)).toBe(false);
  });
  it('compares text and picklists without case', () => {
    expect(test(cmp('StageName', 'eq', 'prospecting'), opp({ StageName: 'Prospecting' }))).toBe(
      true
    );
    expect(
      test(cmp('StageName', 'in', ['QUALIFICATION']), opp({ StageName: 'Qualification' }))
    ).toBe(true);
  });
  it('compares instants whatever their ISO spelling', () => {
    expect(
      test(
        cmp('CreatedDate', 'gte', variable('since')),
        opp({ CreatedDate: '2026-11-01T01:00:00+01:00' })
      )
    ).toBe(true);
    expect(
      test(
        cmp('CreatedDate', 'gte', variable('since')),
        opp({ CreatedDate: '2026-10-31T23:59:59.000Z' })
      )
    ).toBe(false);
  });
  it('evaluates parents and anti-joins', () => {
    const won = opp({
      AccountId: id('001', 1),
      IsWon: true,
      IsClosed: true,
      CloseDate: '2026-01-01'
    });
    const data = { Opportunity: [won], Event: [] };
    const index = createIndex(data);
    const parent = compilePredicate(
      { field: 'Opportunity', parent: and(cmp('IsWon', 'eq', true)) },
      'OpportunityHistory',
      vars,
      index,
      data
    );
    expect(parent({ OpportunityId: won.Id })).toBe(true);
    expect(parent({ OpportunityId: 'missing' })).toBe(false);
    const anti = compilePredicate(
      {
        field: 'AccountId',
        op: 'ninq',
        object: 'Opportunity',
        apiName: 'AccountId',
        where: and(cmp('IsWon', 'eq', true))
      },
      'Event',
      vars,
      index,
      data
    );
    expect(anti({ AccountId: id('001', 1) })).toBe(false);
    expect(anti({ AccountId: id('001', 2) })).toBe(true);
  });
  it('names unknown fields and variables', () => {
    expect(() => test(cmp('Amout', 'eq', 1), opp())).toThrow(
      'Opportunity.Amout is not a field Pacer reads'
    );
    expect(() => test(cmp('CloseDate', 'lt', variable('nope')), opp())).toThrow(
      'Filter refers to an unknown variable $nope'
    );
  });
  it('derives ExpectedRevenue when the record does not carry it', () => {
    expect(
      fieldValue(opp({ Amount: 1000, Probability: 30 }), 'ExpectedRevenue', 'Opportunity')
    ).toBe(300);
    expect(fieldValue(opp({ Amount: null }), 'ExpectedRevenue', 'Opportunity')).toBeNull();
  });
});

describe('aggregates and lists on records', () => {
  const owner = id('005', 1);
  const data = {
    Opportunity: [
      opp({ OwnerId: owner, StageName: 'Prospecting', Amount: 100 }),
      opp({ OwnerId: owner, StageName: 'Prospecting', Amount: null }),
      opp({ OwnerId: owner, StageName: 'Qualification', Amount: 300 })
    ]
  };
  it('groups, counts records, counts and sums non-null values', () => {
    const { rows } = runAggregate(
      {
        object: 'Opportunity',
        where: and(),
        groupBy: ['StageName'],
        measures: [
          { fn: 'count', field: 'Id' },
          { fn: 'sum', field: 'Amount' },
          { fn: 'count', field: 'Amount' }
        ],
        first: 2000
      },
      data,
      vars
    );
    expect(rows).toEqual([
      { StageName: 'Prospecting', 'count(Id)': 2, 'sum(Amount)': 100, 'count(Amount)': 1 },
      { StageName: 'Qualification', 'count(Id)': 1, 'sum(Amount)': 300, 'count(Amount)': 1 }
    ]);
  });
  it('orders with nulls last when asked, pages with first, projects parents', () => {
    const result = runRecordQuery(
      {
        object: 'Opportunity',
        where: and(),
        fields: ['Amount', 'Account.Name'],
        orderBy: [{ field: 'Amount', order: 'DESC', nulls: 'LAST' }],
        first: 2
      },
      { ...data, Account: [{ Id: id('001', 1), Name: 'Acme' }] },
      vars
    );
    expect(result.hasNextPage).toBe(true);
    expect(result.records.map((r) => r.Amount)).toEqual([300, 100]);
    expect(result.records[0].Account).toEqual({ Id: id('001', 1), Name: 'Acme' });
  });
  it('puts nulls first by default when ascending', () => {
    const result = runRecordQuery(
      {
        object: 'Opportunity',
        where: and(),
        fields: ['Amount'],
        orderBy: [{ field: 'Amount', order: 'ASC' }],
        first: 3
      },
      data,
      vars
    );
    expect(result.records.map((r) => r.Amount)).toEqual([null, 100, 300]);
    expect(at('2026-11-01', 0)).toBe('2026-10-31T23:00:00.000Z');
  });
});

describe('group-by date functions on records', () => {
  it('groups Date fields by their day, nulls apart, as the UI API groups them', () => {
    const data = {
      Opportunity: [
        { Id: '1', OwnerId: 'u', CloseDate: '2026-01-31', Amount: 10 },
        { Id: '2', OwnerId: 'u', CloseDate: '2026-01-31', Amount: 5 },
        { Id: '3', OwnerId: 'u', CloseDate: '2026-11-01', Amount: 1 },
        { Id: '4', OwnerId: 'u', CloseDate: null, Amount: 2 }
      ]
    };
    const spec = {
      object: 'Opportunity',
      where: and(cmp('OwnerId', 'eq', 'u')),
      groupBy: ['CloseDate'],
      measures: [{ fn: 'sum', field: 'Amount' }]
    };
    const byKey = (rows) => Object.fromEntries(rows.map((r) => [r.CloseDate, r['sum(Amount)']]));
    expect(byKey(runAggregate(spec, data, {}).rows)).toEqual({
      '2026-01-31': 15,
      '2026-11-01': 1,
      null: 2
    });
  });
});
