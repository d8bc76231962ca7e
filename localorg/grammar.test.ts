/**
 * The local org rejects what Salesforce rejects, with Salesforce's messages: a date function on a
 * Date field, a raw group on a DateTime field, `currentUser` below API v66.0, an unknown field, a
 * field hidden from the user (accepted with @optional); and it groups DateTime fields through date
 * functions in the org's time zone.
 */
import { makeId } from '../sample-data/ids';
import { generateSampleData } from '../sample-data/generate';
import type { SObjectRecord } from '../sample-data/types';
import { startLocalOrg, type LocalOrg } from './server';
import { takeHideFieldFlags, userSessionToken } from './sessions';
import { call, type GraphqlBody, type JsonResponse } from './testing';

const data = generateSampleData({ seed: 5, reps: 4, opportunities: 400 });
const [director, , , rep] = data.records.User;
// 23:30 UTC on 31 January is 00:30 on 1 February in Paris, the data set's org time zone.
const lateEvent: SObjectRecord = {
  ...data.records.Event[0],
  Id: makeId('00U', 900_001),
  StartDateTime: '2026-01-31T23:30:00.000Z',
  EndDateTime: '2026-02-01T00:00:00.000Z',
  ActivityDate: '2026-02-01',
  DurationInMinutes: 30
};
data.records.Event.push(lateEvent);

let org: LocalOrg;
beforeAll(async () => {
  org = await startLocalOrg({
    data,
    userId: String(director.Id),
    hiddenFields: { [String(rep.Username)]: ['Opportunity.Amount'], '*': ['Task.Type'] }
  });
});
afterAll(async () => {
  await org.close();
});

/** Posts a document at an API version, as the director (the session user) or another user. */
function post(
  query: string,
  { version = '62.0', as }: { version?: string; as?: SObjectRecord } = {}
): Promise<JsonResponse<GraphqlBody>> {
  const headers: Record<string, string> = as
    ? { Authorization: `Bearer ${userSessionToken(org.accessToken, String(as.Id))}` }
    : {};
  return call<GraphqlBody>(org, 'POST', `/services/data/v${version}/graphql`, { query }, headers);
}

/** The one error of a document rejected as a whole: HTTP 200, no data, a validation error. */
async function rejection(query: string, options?: Parameters<typeof post>[1]): Promise<string> {
  const response = await post(query, options);
  expect(response.status).toBe(200);
  expect(response.body.data).toBeUndefined();
  expect(response.body.errors).toHaveLength(1);
  expect(response.body.errors[0]).toMatchObject({
    extensions: { ErrorType: 'ValidationError' },
    locations: [expect.objectContaining({ line: expect.any(Number) })]
  });
  return response.body.errors[0].message;
}

const aggregate = (groupBy: string, read: string) =>
  `query q { uiapi { aggregate { Opportunity(groupBy: ${groupBy}) { edges { node { aggregate { ${read} } } } } } } }`;

describe('the grammar of groupBy', () => {
  it('rejects a date function on a Date field', async () => {
    await expect(
      rejection(aggregate('{ CloseDate: { function: CALENDAR_MONTH } }', 'CloseDate { value }'))
    ).resolves.toBe(
      "Validation error of type WrongType: argument 'groupBy.CloseDate' with value 'ObjectValue{objectFields=[ObjectField{name='CloseDate', value=ObjectValue{objectFields=[ObjectField{name='function', value=EnumValue{name='CALENDAR_MONTH'}}]}}]}' contains a field not in 'GroupByClause': 'function' @ 'uiapi/aggregate/Opportunity'"
    );
  });

  it('rejects a raw group on a DateTime field', async () => {
    await expect(
      rejection(aggregate('{ CreatedDate: { group: true } }', 'CreatedDate { value }'))
    ).resolves.toBe(
      "Validation error of type WrongType: argument 'groupBy.CreatedDate' with value 'ObjectValue{objectFields=[ObjectField{name='CreatedDate', value=ObjectValue{objectFields=[ObjectField{name='group', value=BooleanValue{value=true}}]}}]}' contains a field not in 'GroupByDateFunction': 'group' @ 'uiapi/aggregate/Opportunity'"
    );
  });

  it('rejects grouping a currency field and an aggregate function the type lacks', async () => {
    await expect(
      rejection(aggregate('{ Amount: { group: true } }', 'Amount { sum { value } }'))
    ).resolves.toMatch(/contains a field not in 'Opportunity_GroupBy': 'Amount'/);
    await expect(
      rejection(aggregate('{ StageName: { group: true } }', 'Amount { grouping { value } }'))
    ).resolves.toBe(
      "Validation error of type FieldUndefined: Field 'grouping' in type 'CurrencyAggregate' is undefined @ 'uiapi/aggregate/Opportunity/edges/node/aggregate/Amount/grouping'"
    );
  });

  it('rejects an aggregate function in orderBy, which the v60 order clauses do not have', async () => {
    const message = await rejection(
      'query q { uiapi { aggregate { Opportunity(groupBy: { OwnerId: { group: true } }, orderBy: { Amount: { function: SUM, order: DESC } }) { totalCount } } } }'
    );
    expect(message).toMatch(
      /^Validation error of type WrongType: argument 'orderBy\.Amount' with value .* contains a field not in 'AggregateOrderByNumberClause': 'function' @ 'uiapi\/aggregate\/Opportunity'$/
    );
  });
});

describe('function groups of DateTime fields', () => {
  const eventsBy = (fn: string, read: string, version = '62.0') =>
    post(
      `query q { uiapi { aggregate { Event(groupBy: { StartDateTime: { function: ${fn} } }) { edges { node { aggregate { StartDateTime { ${read} } Id { count { value } } } } } } } } }`,
      { version }
    );
  const paris = (iso: unknown, part: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', ...part }).format(
      new Date(String(iso))
    );
  type Row = { StartDateTime: { value: unknown }; Id: { count: { value: number } } };
  const rowsOf = (body: GraphqlBody): Row[] =>
    (
      body.data as {
        uiapi: { aggregate: { Event: { edges: Array<{ node: { aggregate: Row } }> } } };
      }
    ).uiapi.aggregate.Event.edges.map((e) => e.node.aggregate);

  it('reads the function result as the value, bucketed in the org time zone', async () => {
    const months = await eventsBy('CALENDAR_MONTH', 'value displayValue');
    expect(months.body.errors).toEqual([]);
    const expected = new Map<number, number>();
    for (const event of data.records.Event) {
      const month = Number(paris(event.StartDateTime, { month: 'numeric' }));
      expected.set(month, (expected.get(month) ?? 0) + 1);
    }
    expect(rowsOf(months.body).map((r) => [r.StartDateTime.value, r.Id.count.value])).toEqual(
      [...expected.entries()].sort((a, b) => a[0] - b[0])
    );

    const days = rowsOf((await eventsBy('DAY_ONLY', 'value')).body);
    const day = days.find((r) => r.StartDateTime.value === '2026-02-01');
    const onTheFirst = data.records.Event.filter(
      (e) =>
        paris(e.StartDateTime, { year: 'numeric', month: '2-digit', day: '2-digit' }) ===
        '01/02/2026'
    );
    expect(onTheFirst).toContain(lateEvent);
    expect(day?.Id.count.value).toBe(onTheFirst.length);

    const hours = rowsOf((await eventsBy('HOUR_IN_DAY', 'value')).body);
    expect(hours.map((r) => r.StartDateTime.value)).toContain(0);
  });

  it("offers the guide's date parts (calendarMonth { value }) only on request", async () => {
    await expect(
      rejection(
        'query q { uiapi { aggregate { Event(groupBy: { StartDateTime: { function: CALENDAR_MONTH } }) { edges { node { aggregate { StartDateTime { calendarMonth { value } } } } } } } } }'
      )
    ).resolves.toBe(
      "Validation error of type FieldUndefined: Field 'calendarMonth' in type 'DateTimeAggregate' is undefined @ 'uiapi/aggregate/Event/edges/node/aggregate/StartDateTime/calendarMonth'"
    );
    const guide = await startLocalOrg({ data, guideDateParts: true });
    try {
      const response = await call<GraphqlBody>(guide, 'POST', '/services/data/v62.0/graphql', {
        query:
          'query q { uiapi { aggregate { Event(groupBy: { StartDateTime: { function: CALENDAR_MONTH } }) { edges { node { aggregate { StartDateTime { value calendarMonth { value } } } } } } } } }'
      });
      expect(response.body.errors).toEqual([]);
      const rows = (
        response.body.data as {
          uiapi: {
            aggregate: {
              Event: {
                edges: Array<{
                  node: {
                    aggregate: {
                      StartDateTime: { value: number; calendarMonth: { value: number } };
                    };
                  };
                }>;
              };
            };
          };
        }
      ).uiapi.aggregate.Event.edges.map((e) => e.node.aggregate.StartDateTime);
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows) expect(row.calendarMonth.value).toBe(row.value);
    } finally {
      await guide.close();
    }
  });
});

describe('API versions', () => {
  const me = 'query me { uiapi { currentUser { Id } } }';

  it('rejects uiapi.currentUser below v66.0 and answers it from v66.0 on', async () => {
    await expect(rejection(me, { version: '62.0' })).resolves.toBe(
      "Validation error of type FieldUndefined: Field 'currentUser' in type 'UIAPI' is undefined @ 'uiapi/currentUser'"
    );
    await expect(rejection(me, { version: '65.0' })).resolves.toMatch(/FieldUndefined/);
    const answered = await post(me, { version: '66.0', as: rep });
    expect(answered.body).toEqual({ data: { uiapi: { currentUser: { Id: rep.Id } } }, errors: [] });
  });

  it('knows the @optional directive from v65.0 on only', async () => {
    const optional =
      'query q { uiapi { query { Opportunity(first: 1) { edges { node { Name @optional { value } } } } } } }';
    await expect(rejection(optional, { version: '64.0' })).resolves.toBe(
      "Validation error of type UnknownDirective: Unknown directive optional @ 'uiapi/query/Opportunity/edges/node/Name'"
    );
    expect((await post(optional, { version: '65.0' })).body.errors).toEqual([]);
  });
});

describe('fields the user cannot see', () => {
  const amounts =
    'query q { uiapi { query { Opportunity(first: 2, orderBy: { Name: { order: ASC } }) { edges { node { Name { value } Amount { value } } } } } } }';

  it('rejects an unknown field with FieldUndefined, in record and aggregate queries', async () => {
    await expect(
      rejection(
        'query q { uiapi { query { Opportunity { edges { node { Discount__c { value } } } } } } }'
      )
    ).resolves.toBe(
      "Validation error of type FieldUndefined: Field 'Discount__c' in type 'Opportunity' is undefined @ 'uiapi/query/Opportunity/edges/node/Discount__c'"
    );
    await expect(
      rejection(aggregate('{ OwnerId: { group: true } }', 'Discount__c { sum { value } }'))
    ).resolves.toBe(
      "Validation error of type FieldUndefined: Field 'Discount__c' in type 'OpportunityAggregate' is undefined @ 'uiapi/aggregate/Opportunity/edges/node/aggregate/Discount__c'"
    );
  });

  it('rejects a hidden field for the user it is hidden from, and only for them', async () => {
    await expect(rejection(amounts, { as: rep })).resolves.toBe(
      "Validation error of type FieldUndefined: Field 'Amount' in type 'Opportunity' is undefined @ 'uiapi/query/Opportunity/edges/node/Amount'"
    );
    await expect(
      rejection(aggregate('{ OwnerId: { group: true } }', 'Amount { sum { value } }'), { as: rep })
    ).resolves.toBe(
      "Validation error of type FieldUndefined: Field 'Amount' in type 'OpportunityAggregate' is undefined @ 'uiapi/aggregate/Opportunity/edges/node/aggregate/Amount'"
    );
    await expect(
      rejection(
        'query q { uiapi { query { Opportunity(where: { Amount: { gt: 1 } }) { totalCount } } } }',
        { as: rep }
      )
    ).resolves.toMatch(
      /contains a field not in 'Opportunity_Filter': 'Amount' @ 'uiapi\/query\/Opportunity'$/
    );
    const director = await post(amounts);
    expect(director.body.errors).toEqual([]);
    // Hidden from everyone: Task.Type.
    await expect(
      rejection('query q { uiapi { query { Task { edges { node { Type { value } } } } } } }')
    ).resolves.toMatch(/Field 'Type' in type 'Task' is undefined/);
  });

  it("answers introspection with the user's own schema", async () => {
    const fields = async (as?: SObjectRecord) => {
      const response = await post('query t { __type(name: "Opportunity") { fields { name } } }', {
        as
      });
      return (
        response.body.data as { __type: { fields: Array<{ name: string }> } }
      ).__type.fields.map((f) => f.name);
    };
    expect(await fields()).toContain('Amount');
    expect(await fields(rep)).not.toContain('Amount');
    expect(await fields(rep)).toContain('StageName');
  });

  it('leaves a hidden field marked @optional out of the result instead of failing', async () => {
    const optional =
      'query q { uiapi { query { Opportunity(first: 2, orderBy: { Name: { order: ASC } }) { edges { node { Name { value } Amount @optional { value } } } } } } }';
    const forRep = await post(optional, { version: '66.0', as: rep });
    expect(forRep.body.errors).toEqual([]);
    const edges = (
      forRep.body.data as { uiapi: { query: { Opportunity: { edges: Array<{ node: object }> } } } }
    ).uiapi.query.Opportunity.edges;
    expect(edges).toHaveLength(2);
    for (const edge of edges) expect(Object.keys(edge.node)).toEqual(['Name']);

    const forDirector = await post(optional, { version: '66.0' });
    const first = (
      forDirector.body.data as {
        uiapi: { query: { Opportunity: { edges: Array<{ node: Record<string, unknown> }> } } };
      }
    ).uiapi.query.Opportunity.edges[0].node;
    expect(Object.keys(first)).toEqual(['Name', 'Amount']);

    // Nothing else left in a selection: the selection goes empty, not invalid.
    const alone = await post(
      'query q { uiapi { aggregate { Opportunity { edges { node { aggregate { Amount @optional { sum { value } } } } } } } } }',
      { version: '66.0', as: rep }
    );
    expect(alone.body).toEqual({
      data: { uiapi: { aggregate: { Opportunity: { edges: [{ node: { aggregate: {} } }] } } } },
      errors: []
    });

    // @optional does not make a field that no user has acceptable.
    await expect(
      rejection(
        'query q { uiapi { query { Opportunity { edges { node { Discount__c @optional { value } } } } } } }',
        { version: '66.0', as: rep }
      )
    ).resolves.toMatch(/FieldUndefined: Field 'Discount__c' in type 'Opportunity' is undefined/);
  });

  it('refuses to start with a field, object or user it does not know', async () => {
    await expect(
      startLocalOrg({ data, hiddenFields: { '*': ['Opportunity.Amount__c'] } })
    ).rejects.toThrow('Cannot hide Opportunity.Amount__c: Opportunity has no field Amount__c');
    await expect(startLocalOrg({ data, hiddenFields: { '*': ['Quote.Amount'] } })).rejects.toThrow(
      /Cannot hide Quote.Amount/
    );
    await expect(
      startLocalOrg({ data, hiddenFields: { 'nobody@example.com': ['Opportunity.Amount'] } })
    ).rejects.toThrow('Cannot hide fields from nobody@example.com: no such user in the data set');
  });
});

describe('npm run localorg -- --hide-field', () => {
  it('reads every --hide-field, with or without a user, and leaves the other flags', () => {
    expect(
      takeHideFieldFlags([
        '--port',
        '0',
        '--hide-field',
        'Opportunity.Amount@victor.keller@pacer-sample.example',
        '--hide-field=Task.Type',
        '--hide-field',
        'Event.Type'
      ])
    ).toEqual({
      rest: ['--port', '0'],
      hiddenFields: {
        'victor.keller@pacer-sample.example': ['Opportunity.Amount'],
        '*': ['Task.Type', 'Event.Type']
      }
    });
    expect(() => takeHideFieldFlags(['--hide-field'])).toThrow(/needs a value/);
  });
});
