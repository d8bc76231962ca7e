import {
  flattenRecord,
  flattenConnection,
  flattenAggregate,
  readResponse,
  responseErrors,
  toAggregateConnection,
  toRecordConnection
} from 'c/graphqlResults';

const aggregateResponse = require('./data/aggregateResponse.json');
const emptyResponse = require('./data/emptyResponse.json');
const errorResponse = require('./data/errorResponse.json');

const document = { aliases: ['open', 'openList'] };
const subqueries = {
  open: { kind: 'aggregate', object: 'Opportunity' },
  openList: { kind: 'records', object: 'Opportunity' }
};

describe('flattening UI API GraphQL responses', () => {
  it('turns aggregate edges into rows of grouped values and fn(Field) measures', () => {
    expect(flattenAggregate(aggregateResponse.data.uiapi.aggregate.open)).toEqual([
      {
        OwnerId: '005000000000000011',
        StageName: 'Prospecting',
        'count(Id)': 2,
        'sum(Amount)': 1500.5,
        'count(Amount)': 1
      },
      {
        OwnerId: '005000000000000012',
        StageName: 'Qualification',
        'count(Id)': 1,
        'sum(Amount)': null,
        'count(Amount)': 0
      }
    ]);
  });
  it('turns record nodes into the flat record shape, parents included', () => {
    expect(flattenConnection(aggregateResponse.data.uiapi.query.openList)).toEqual([
      {
        Id: '006000000000000001',
        Name: 'Fresh Foods renewal',
        Amount: 50000,
        CloseDate: '2026-11-28',
        Account: { Id: '001000000000000001', Name: 'Fresh Foods' },
        Owner: null
      }
    ]);
    expect(flattenRecord({ __typename: 'Opportunity', Id: 'x', IsWon: { value: false } })).toEqual({
      Id: 'x',
      IsWon: false
    });
  });
  it('reads every alias with its kind and paging', () => {
    const read = readResponse(document, aggregateResponse, subqueries);
    expect(read.open.rows).toHaveLength(2);
    expect(read.openList).toMatchObject({
      hasNextPage: true,
      records: [{ Name: 'Fresh Foods renewal' }]
    });
  });
  it('reads an empty response as empty rows and lists', () => {
    expect(readResponse(document, emptyResponse, subqueries)).toEqual({
      open: { rows: [], hasNextPage: false },
      openList: { records: [], hasNextPage: false }
    });
  });
  it('marks aliases missing from an error response and reports the errors', () => {
    expect(readResponse(document, errorResponse, subqueries).open).toEqual({
      rows: [],
      hasNextPage: false,
      missing: true
    });
    expect(responseErrors(errorResponse)).toEqual([
      "Validation error of type FieldUndefined: Field 'Amout' in type 'Opportunity' is undefined (at uiapi.aggregate.open)",
      'Too many subqueries'
    ]);
    expect(responseErrors(emptyResponse)).toEqual([]);
  });
  it('reads aliased custom fields back to their API names, in aggregates and records', () => {
    const rows = flattenAggregate(
      {
        edges: [
          {
            node: {
              aggregate: {
                User: { value: '005000000000000011' },
                MonthStart: { value: '2026-10-01' },
                CommitAmount: { sum: { value: 1200 } }
              }
            }
          }
        ]
      },
      'SPM_Forecast_Snapshot__c'
    );
    expect(rows).toEqual([
      {
        User__c: '005000000000000011',
        Month_Start__c: '2026-10-01',
        'sum(Commit_Amount__c)': 1200
      }
    ]);
    expect(
      flattenRecord(
        {
          Id: 'a01',
          DueDate: { value: '2026-11-30' },
          OpportunityRef: { Id: '006', Name: { value: 'Renewal' } },
          AccountRef: null
        },
        'SPM_Action__c'
      )
    ).toEqual({
      Id: 'a01',
      Due_Date__c: '2026-11-30',
      Opportunity__r: { Id: '006', Name: 'Renewal' },
      Account__r: null
    });
  });
  it('shapes rows and records as the org answers them, aliases included, and reads them back', () => {
    const rows = [
      { User__c: '005000000000000011', Month_Start__c: '2026-10-01', 'sum(Commit_Amount__c)': 5 }
    ];
    const connection = toAggregateConnection(rows, 'SPM_Forecast_Snapshot__c', true);
    expect(connection).toEqual({
      edges: [
        {
          node: {
            aggregate: {
              User: { value: '005000000000000011' },
              MonthStart: { value: '2026-10-01' },
              CommitAmount: { sum: { value: 5 } }
            }
          }
        }
      ],
      pageInfo: { hasNextPage: true }
    });
    expect(flattenAggregate(connection, 'SPM_Forecast_Snapshot__c')).toEqual(rows);
    const records = [
      {
        Id: 'a01',
        Name: 'Call',
        Due_Date__c: null,
        Opportunity__r: { Id: '006', Name: 'Renewal' },
        Account__r: null
      }
    ];
    const list = toRecordConnection(records, 'SPM_Action__c');
    expect(list.edges[0].node).toEqual({
      Id: 'a01',
      Name: { value: 'Call' },
      DueDate: { value: null },
      OpportunityRef: { Id: '006', Name: { value: 'Renewal' } },
      AccountRef: null
    });
    expect(flattenConnection(list, 'SPM_Action__c')).toEqual(records);
  });
  it('reads numbers sent as text', () => {
    expect(
      flattenAggregate({ edges: [{ node: { aggregate: { Amount: { sum: { value: '12.5' } } } } }] })
    ).toEqual([{ 'sum(Amount)': 12.5 }]);
  });
});
