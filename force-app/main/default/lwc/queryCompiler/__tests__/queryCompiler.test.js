import {
  compileKpis,
  mergeSpecs,
  assignAliases,
  renderDocument,
  renderWhere,
  compileDocuments,
  scopeVariables,
  MAX_SUBQUERIES
} from 'c/queryCompiler';
import { normalizeKpis } from 'c/kpiDefinitions';
import { flattenAggregate } from 'c/graphqlResults';
import { and, cmp, variable } from 'c/criteria';
import { periodContaining } from 'c/periods';

const fc = require('fast-check');
const { parse } = require('graphql');
const {
  executeDocument,
  consumerTotals
} = require('../../reviewPlan/__tests__/support/graphqlEvaluator');
const {
  menu,
  AS_OF,
  TZ,
  id,
  dataSetArbitrary,
  STAGES
} = require('../../reviewPlan/__tests__/support/engineFixtures');

const owners = [id('005', 1), id('005', 2), id('005', 3)];
const period = periodContaining('Month', AS_OF);
const context = {
  subjectUserIds: owners,
  asOf: AS_OF,
  orgTimeZone: TZ,
  period,
  lastReviewDate: '2026-11-09'
};

function kpi(key, definition) {
  return { key, name: key, definition, sortOrder: 0 };
}

describe('compiling KPI definitions', () => {
  it('merges KPIs that share object and filter into one subquery', () => {
    const kpis = normalizeKpis(menu.kpis);
    const { needs } = compileKpis(kpis, context);
    const specs = mergeSpecs(needs);
    const wonFamily = specs.find((s) => s.consumers.some((c) => c.need.id === 'kpi:sales_won'));
    expect(wonFamily.consumers.map((c) => c.need.id).sort()).toEqual(
      ['kpi:deals_closed', 'kpi:deals_won', 'kpi:gross_margin', 'kpi:sales_won'].sort()
    );
    expect(wonFamily.groupBy).toEqual(['OwnerId', 'IsClosed', 'IsWon']);
    expect(wonFamily.consumers.find((c) => c.need.id === 'kpi:sales_won').select).toEqual({
      IsWon: true
    });
    const events = specs.find((s) => s.object === 'Event');
    expect(events.consumers.map((c) => c.need.id).sort()).toEqual([
      'kpi:customer_facing_cost',
      'kpi:customer_hours',
      'kpi:customer_meetings'
    ]);
    expect(events.measures).toEqual([
      { fn: 'sum', field: 'DurationInMinutes' },
      { fn: 'count', field: 'Id' }
    ]);
    expect(specs.length).toBeLessThan(needs.length);
  });

  it('keeps a single constrained value as a filter, not a grouping', () => {
    const specs = mergeSpecs(
      compileKpis(
        [
          kpi('calls', {
            object: 'Task',
            measure: 'count',
            filter: { TaskSubtype: 'Call' },
            dateField: 'ActivityDate'
          })
        ],
        context
      ).needs
    );
    expect(specs[0].groupBy).toEqual(['OwnerId']);
    expect(renderWhere('Task', specs[0].where)).toBe(
      '{ OwnerId: { in: $userIds }, ActivityDate: { gte: { value: $periodStart }, lte: { value: $periodEnd } }, TaskSubtype: { eq: "Call" } }'
    );
  });

  it('turns date references into typed variables', () => {
    const { needs, variables } = compileKpis(
      [
        kpi('recent', {
          object: 'Opportunity',
          measure: 'count',
          filter: { LastModifiedDate: { gte: { ref: 'asOf', days: -7 } } }
        })
      ],
      context
    );
    expect(variables).toEqual({
      ref_asOfM7Time: { type: 'DateTime', value: '2026-11-15T23:00:00.000Z' }
    });
    expect(renderWhere('Opportunity', needs[0].where)).toContain(
      'LastModifiedDate: { gte: { value: $ref_asOfM7Time } }'
    );
  });

  it('renders or-filters, null tests, parents and anti-joins in the UI API shape', () => {
    const where = and(
      cmp('OwnerId', 'in', variable('userIds')),
      {
        or: [
          cmp('LastStageChangeDate', 'eq', null),
          cmp('LastStageChangeDate', 'lt', variable('asOf'))
        ]
      },
      cmp('AccountId', 'ne', null),
      {
        field: 'AccountId',
        op: 'ninq',
        object: 'Opportunity',
        apiName: 'AccountId',
        where: and(cmp('IsWon', 'eq', true))
      }
    );
    expect(
      renderWhere(
        'Event',
        and(cmp('OwnerId', 'in', variable('userIds')), where.and[2], where.and[3])
      )
    ).toBe(
      '{ OwnerId: { in: $userIds }, AccountId: { ne: null, ninq: { Opportunity: { IsWon: { eq: true } }, ApiName: "AccountId" } } }'
    );
    expect(
      renderWhere('OpportunityHistory', {
        field: 'Opportunity',
        parent: and(cmp('IsClosed', 'eq', true))
      })
    ).toBe('{ Opportunity: { IsClosed: { eq: true } } }');
    expect(renderWhere('Opportunity', and(where.and[0], where.and[1]))).toBe(
      '{ and: [{ OwnerId: { in: $userIds } }, { or: [{ LastStageChangeDate: { eq: null } }, { LastStageChangeDate: { lt: { value: $asOf } } }] }] }'
    );
  });

  it('renders named documents with declared variables that graphql-js parses', () => {
    const kpis = normalizeKpis(menu.kpis);
    const compiled = compileKpis(kpis, context);
    const variables = { ...scopeVariables(context), ...compiled.variables };
    const { documents, specs } = compileDocuments(compiled.needs, variables, {
      operationPrefix: 'spmScorecard'
    });
    expect(documents.map((d) => d.operationName)).toEqual(['spmScorecard1']);
    expect(documents[0].aliases).toHaveLength(specs.length);
    expect(() => parse(documents[0].query)).not.toThrow();
    expect(documents[0].query).toMatch(
      /^query spmScorecard1\(\$periodEnd: Date, \$periodEndTime: DateTime, /
    );
    expect(documents[0].query).not.toContain('totalCount');
    expect(documents[0].variables.userIds).toEqual(owners);
  });

  it('never puts more than ten subqueries in one document', () => {
    const many = Array.from({ length: 23 }, (_, i) =>
      kpi(`k${i}`, {
        object: 'Opportunity',
        measure: 'count',
        filter: { Amount: { gte: i * 100 } }
      })
    );
    const compiled = compileKpis(many, context);
    const { documents } = compileDocuments(compiled.needs, scopeVariables(context));
    expect(documents.map((d) => d.aliases.length)).toEqual([10, 10, 3]);
    const spec = assignAliases(mergeSpecs(compiled.needs));
    expect(() => renderDocument('tooBig', spec, scopeVariables(context))).toThrow(
      `tooBig would hold 23 subqueries; the UI API allows ${MAX_SUBQUERIES}`
    );
  });

  it('refuses to render a variable it has no value for', () => {
    const spec = assignAliases(
      mergeSpecs(
        compileKpis([kpi('open', { object: 'Opportunity', measure: 'count' })], context).needs
      )
    );
    expect(() => renderDocument('spmX', spec, {})).toThrow(
      'spmX uses $userIds, which has no value'
    );
  });
});

describe('merging never changes a KPI value', () => {
  const stage = fc.constantFrom(...STAGES.map(([s]) => s), 'Closed Won', 'Closed Lost');
  const filterArb = fc.record(
    {
      IsWon: fc.boolean(),
      IsClosed: fc.boolean(),
      StageName: stage,
      Type: fc.constantFrom('New Business', 'Existing Business')
    },
    { requiredKeys: [] }
  );
  const definitionArb = fc.oneof(
    fc.record({
      object: fc.constant('Opportunity'),
      measure: fc.constantFrom('count', 'sum', 'avg'),
      field: fc.constantFrom('Amount', 'ExpectedRevenue'),
      filter: filterArb,
      dateField: fc.constantFrom('CloseDate', 'CreatedDate', undefined)
    }),
    fc.record({
      object: fc.constant('Task'),
      measure: fc.constant('count'),
      filter: fc.record({ TaskSubtype: fc.constantFrom('Call', 'Email') }, { requiredKeys: [] }),
      dateField: fc.constant('ActivityDate')
    })
  );

  it('gives every KPI the same totals per owner merged or alone (evaluated through the GraphQL text)', () => {
    fc.assert(
      fc.property(
        fc.array(definitionArb, { minLength: 1, maxLength: 8 }),
        dataSetArbitrary({ owners }),
        (definitions, data) => {
          const kpis = definitions.map((d, i) => {
            const definition = { ...d };
            if (definition.measure === 'count') delete definition.field;
            if (definition.dateField === undefined) delete definition.dateField;
            return kpi(`k${i}`, definition);
          });
          const { needs, variables } = compileKpis(kpis, context);
          const allVariables = { ...scopeVariables(context), ...variables };
          const run = (spec) => {
            const doc = renderDocument('spmCheck', [spec], allVariables);
            const response = executeDocument(doc.query, doc.variables, data);
            return flattenAggregate(response.data.uiapi.aggregate[spec.alias]);
          };
          const merged = assignAliases(mergeSpecs(needs));
          const mergedTotals = new Map();
          for (const spec of merged) {
            const rows = run(spec);
            for (const consumer of spec.consumers)
              mergedTotals.set(consumer.need.id, consumerTotals(spec, consumer, rows));
          }
          for (const needItem of needs) {
            const [alone] = assignAliases(mergeSpecs([needItem]));
            const aloneTotals = consumerTotals(alone, alone.consumers[0], run(alone));
            const keys = needItem.measures.map((m) => `${m.fn}(${m.field})`);
            const pick = (totals) =>
              Object.fromEntries(
                Object.entries(totals)
                  .map(([owner, t]) => [owner, keys.map((k) => t[k] || 0)])
                  .filter(([, v]) => v.some((x) => x !== 0))
              );
            expect(pick(mergedTotals.get(needItem.id))).toEqual(pick(aloneTotals));
          }
        }
      ),
      { numRuns: 60 }
    );
  });
});

describe('grouping by a date function', () => {
  const need = (needId, select) => ({
    id: needId,
    label: needId,
    kind: 'aggregate',
    object: 'Opportunity',
    owner: 'OwnerId',
    where: and(
      cmp('OwnerId', 'in', variable('userIds')),
      cmp('IsWon', 'eq', true),
      cmp('CloseDate', 'gte', variable('periodStart'))
    ),
    dims: ['CloseDate'],
    groupFunctions: { CloseDate: 'CALENDAR_MONTH' },
    measures: [{ fn: 'sum', field: 'Amount' }],
    priority: 0,
    select
  });

  it('renders the UI API function clause and keeps each need its own months', () => {
    const specs = assignAliases(mergeSpecs([need('won', { CloseDate: [11] }), need('trend', {})]));
    expect(specs).toHaveLength(1);
    expect(specs[0].consumers.map((c) => c.select)).toEqual([{ CloseDate: [11] }, {}]);
    const doc = renderDocument(
      'spmMonths',
      specs,
      scopeVariables({
        subjectUserIds: ['005000000000000001'],
        period: { start: '2026-11-01', end: '2026-11-30' }
      })
    );
    expect(doc.query).toContain(
      'groupBy: { OwnerId: { group: true }, CloseDate: { function: CALENDAR_MONTH } }'
    );
    expect(doc.query).toContain('CloseDate { value }');
  });

  it('does not merge needs grouped differently', () => {
    const plain = { ...need('plain', {}), groupFunctions: undefined, dims: [] };
    expect(mergeSpecs([need('won', {}), plain])).toHaveLength(2);
  });
});
