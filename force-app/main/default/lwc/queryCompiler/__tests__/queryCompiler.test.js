import {
  compileKpis,
  mergeSpecs,
  assignAliases,
  renderDocument,
  renderWhere,
  compileDocuments,
  expandDerived,
  subqueryGroup,
  scopeVariables,
  MAX_SUBQUERIES,
  SUBQUERY_GROUPS
} from 'c/queryCompiler';
import { normalizeKpis } from 'c/kpiDefinitions';
import { flattenAggregate, flattenConnection } from 'c/graphqlResults';
import { and, cmp, variable } from 'c/criteria';
import { periodContaining } from 'c/periods';

const fc = require('fast-check');
const { parse } = require('graphql');
const {
  executeDocument,
  needTotals
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
    // The weighted pipeline (sum of ExpectedRevenue) is asked for as seven Probability subqueries.
    const weighted = specs.filter((spec) =>
      spec.consumers.some((c) => c.need.partOf === 'kpi:weighted_pipeline')
    );
    expect(weighted).toHaveLength(7);
    expect(specs.length).toBeLessThan(needs.length + 7);
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
    expect(documents.map((d) => [d.operationName, d.group])).toEqual([
      ['spmScorecardCore1', 'core'],
      ['spmScorecardActivity1', 'activity']
    ]);
    expect(documents.flatMap((d) => d.aliases)).toHaveLength(specs.length);
    for (const document of documents) {
      expect(() => parse(document.query)).not.toThrow();
      expect(document.query).not.toContain('totalCount');
      expect(document.variables.userIds).toEqual(owners);
    }
    expect(documents[0].query).toMatch(
      /^query spmScorecardCore1\(\$periodEnd: Date, \$periodEndTime: DateTime, /
    );
    expect(documents[1].query).toContain('calls: Task(');
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
    expect(documents.map((d) => d.operationName)).toEqual([
      'spmQueryCore1',
      'spmQueryCore2',
      'spmQueryCore3'
    ]);
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
            expect(response.errors).toEqual([]);
            return flattenAggregate(response.data.uiapi.aggregate[spec.alias], spec.object);
          };
          const mergedTotals = needTotals(assignAliases(mergeSpecs(needs)), run);
          for (const needItem of needs) {
            const aloneTotals = needTotals(assignAliases(mergeSpecs([needItem])), run).get(
              needItem.id
            );
            const keys = needItem.measures.map((m) => `${m.fn}(${m.field})`);
            // Sums of amounts × probabilities may differ in the last bits between groupings.
            const pick = (totals) =>
              Object.fromEntries(
                Object.entries(totals)
                  .map(([owner, t]) => [
                    owner,
                    keys.map((k) => Math.round((t[k] || 0) * 1e4) / 1e4)
                  ])
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

describe('documents in the real UI API grammar', () => {
  const owner = cmp('OwnerId', 'in', variable('userIds'));
  const need = (needId, object, where, dims, measures) => ({
    id: needId,
    label: needId,
    kind: 'aggregate',
    object,
    owner: 'OwnerId',
    where: and(owner, ...where),
    dims,
    measures,
    priority: 0
  });
  const vars = scopeVariables({
    subjectUserIds: ['005000000000000001'],
    period: { start: '2026-11-01', end: '2026-11-30' }
  });

  it('groups every field with { group: true }, never with a date function', () => {
    const [spec] = assignAliases(
      mergeSpecs([
        need(
          'won',
          'Opportunity',
          [cmp('IsWon', 'eq', true)],
          ['CloseDate'],
          [{ fn: 'sum', field: 'Amount' }]
        )
      ])
    );
    const doc = renderDocument('spmDays', [spec], vars);
    expect(doc.query).toContain(
      'groupBy: { OwnerId: { group: true }, CloseDate: { group: true } }'
    );
    expect(doc.query).not.toContain('function');
    expect(spec.groupFunctions).toBeUndefined();
  });

  it('refuses to group a DateTime field, which the UI API groups only by a date function', () => {
    const specs = assignAliases(
      mergeSpecs([
        need('created', 'Opportunity', [], ['CreatedDate'], [{ fn: 'count', field: 'Id' }])
      ])
    );
    expect(() => renderDocument('spmBad', specs, vars)).toThrow(
      'Opportunity.CreatedDate is a DateTime field: the UI API groups it only by a date function, which Pacer does not use'
    );
  });

  it('aliases custom fields in selections, and keeps API names in filters, groupBy and orderBy', () => {
    const snapshot = {
      ...need(
        'forecast',
        'SPM_Forecast_Snapshot__c',
        [cmp('Month_Start__c', 'gte', variable('periodStart'))],
        ['Month_Start__c'],
        [{ fn: 'sum', field: 'Commit_Amount__c' }]
      ),
      owner: 'User__c',
      where: and(
        cmp('User__c', 'in', variable('userIds')),
        cmp('Month_Start__c', 'gte', variable('periodStart'))
      )
    };
    const list = {
      id: 'actions',
      label: 'actions',
      kind: 'records',
      object: 'SPM_Action__c',
      where: and(cmp('Status__c', 'eq', 'Open')),
      fields: ['Name', 'Due_Date__c', 'Opportunity__r.Name'],
      orderBy: [{ field: 'Due_Date__c', order: 'ASC' }],
      first: 5,
      priority: 0
    };
    const specs = assignAliases(mergeSpecs([snapshot, list]));
    const { query } = renderDocument('spmAliases', specs, vars);
    expect(query).toContain(
      'forecast: SPM_Forecast_Snapshot__c(where: { User__c: { in: $userIds }, Month_Start__c: { gte: { value: $periodStart } } }, groupBy: { User__c: { group: true }, Month_Start__c: { group: true } }'
    );
    expect(query).toContain(
      'aggregate { User: User__c { value } MonthStart: Month_Start__c { value } CommitAmount: Commit_Amount__c { sum { value } } }'
    );
    expect(query).toContain(
      'orderBy: { Due_Date__c: { order: ASC } }, first: 5) { edges { node { Id Name { value } DueDate: Due_Date__c { value } OpportunityRef: Opportunity__r { Id Name { value } } } }'
    );
    // Read back through the aliases: rows and records keyed by API names.
    const data = {
      SPM_Forecast_Snapshot__c: [
        {
          Id: 'a1',
          User__c: '005000000000000001',
          Month_Start__c: '2026-11-01',
          Commit_Amount__c: 5
        }
      ],
      SPM_Action__c: [
        {
          Id: 'a2',
          Name: 'Call',
          Status__c: 'Open',
          Due_Date__c: '2026-11-30',
          Opportunity__c: 'o1'
        }
      ],
      Opportunity: [{ Id: 'o1', Name: 'Deal' }]
    };
    const response = executeDocument(
      query,
      { userIds: ['005000000000000001'], periodStart: '2026-11-01' },
      data
    );
    expect(
      flattenAggregate(response.data.uiapi.aggregate.forecast, 'SPM_Forecast_Snapshot__c')
    ).toEqual([
      { User__c: '005000000000000001', Month_Start__c: '2026-11-01', 'sum(Commit_Amount__c)': 5 }
    ]);
    expect(flattenConnection(response.data.uiapi.query.actions, 'SPM_Action__c')).toEqual([
      {
        Id: 'a2',
        Name: 'Call',
        Due_Date__c: '2026-11-30',
        Opportunity__r: { Id: 'o1', Name: 'Deal' }
      }
    ]);
  });

  it('computes ExpectedRevenue from Amount in seven Probability subqueries, never reading it', () => {
    const weighted = need(
      'open',
      'Opportunity',
      [cmp('IsClosed', 'eq', false)],
      ['StageName'],
      [
        { fn: 'count', field: 'Id' },
        { fn: 'sum', field: 'ExpectedRevenue' }
      ]
    );
    const parts = expandDerived(weighted);
    expect(parts.map((p) => p.id)).toEqual([
      'open',
      ...Array.from({ length: 7 }, (_, k) => `open#sum(ExpectedRevenue)${k}`)
    ]);
    expect(parts[0].measures).toEqual([{ fn: 'count', field: 'Id' }]);
    // Every probability 0…100 is the sum of the multipliers of the parts whose set holds it.
    for (let p = 0; p <= 100; p++) {
      const weight = parts
        .slice(1)
        .filter((part) => part.where.and.at(-1).value.includes(p))
        .reduce((t, part) => t + part.derived.multiplier, 0);
      expect(weight).toBe(p);
    }
    const specs = assignAliases(mergeSpecs([weighted]));
    const text = specs.map((spec) => renderDocument('spmW', [spec], vars).query).join('\n');
    expect(text).not.toContain('ExpectedRevenue {');
    expect(text).toContain('Probability: { in: [64, 65, 66');
    expect(() => renderWhere('Opportunity', and(cmp('ExpectedRevenue', 'gt', 1000)))).toThrow(
      'Opportunity.ExpectedRevenue is computed by Pacer'
    );
  });

  it('averages ExpectedRevenue as Σ Amount × Probability / 100 over the deals with a probability', () => {
    const avg = need(
      'avgWeighted',
      'Opportunity',
      [],
      [],
      [
        { fn: 'sum', field: 'ExpectedRevenue' },
        { fn: 'count', field: 'ExpectedRevenue' }
      ]
    );
    const deals = [
      { Amount: 1000, Probability: 10 },
      { Amount: 2000, Probability: 50 },
      { Amount: 500, Probability: null }
    ];
    // Each part's subquery on these deals (its last condition selects them), scaled as it says.
    const totals = {};
    for (const part of expandDerived(avg)) {
      const test = part.where.and.at(-1);
      const selects = (d) => {
        if (test.op === 'in') return test.value.includes(d.Probability);
        return d.Probability !== null;
      };
      const matching = deals.filter(selects);
      const measured =
        part.measures[0].fn === 'count'
          ? matching.filter((d) => d.Amount !== null).length
          : matching.reduce((t, d) => t + d.Amount, 0);
      const { key, multiplier, divisor } = part.derived;
      totals[key] = (totals[key] || 0) + (measured * multiplier) / divisor;
    }
    expect(totals['sum(ExpectedRevenue)']).toBe(1100);
    expect(totals['count(ExpectedRevenue)']).toBe(2);
    expect(totals['sum(ExpectedRevenue)'] / totals['count(ExpectedRevenue)']).toBe(550);
  });

  it('sends each group of subqueries in its own documents', () => {
    const newCustomers = {
      field: 'AccountId',
      op: 'ninq',
      object: 'Opportunity',
      apiName: 'AccountId',
      where: and(cmp('IsWon', 'eq', true))
    };
    const needs = [
      need('events', 'Event', [], [], [{ fn: 'count', field: 'Id' }]),
      need('won', 'Opportunity', [cmp('IsWon', 'eq', true)], [], [{ fn: 'count', field: 'Id' }]),
      need('newCustomerCalls', 'Task', [newCustomers], [], [{ fn: 'count', field: 'Id' }]),
      need('joined', 'Opportunity', [newCustomers], [], [{ fn: 'count', field: 'Id' }])
    ];
    const { documents, specs } = compileDocuments(needs, vars, { operationPrefix: 'spmReview' });
    expect(SUBQUERY_GROUPS).toEqual(['core', 'activity', 'joins']);
    expect(specs.map((spec) => [spec.alias, subqueryGroup(spec)])).toEqual([
      ['events', 'activity'],
      ['won', 'core'],
      ['newCustomerCalls', 'joins'],
      ['joined', 'joins']
    ]);
    expect(documents.map((d) => [d.operationName, d.group, d.aliases])).toEqual([
      ['spmReviewCore1', 'core', ['won']],
      ['spmReviewActivity1', 'activity', ['events']],
      ['spmReviewJoins1', 'joins', ['newCustomerCalls', 'joined']]
    ]);
  });

  it('leaves out the lowest-priority subqueries that would need more documents than allowed', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      ...need(
        `k${i}`,
        'Opportunity',
        [cmp('Amount', 'gte', i)],
        [],
        [{ fn: 'count', field: 'Id' }]
      ),
      priority: i < 2 ? 0 : 1
    }));
    const activity = need('events', 'Event', [], [], [{ fn: 'count', field: 'Id' }]);
    const { documents, dropped } = compileDocuments([...many, activity], vars, {
      maxDocuments: 2
    });
    expect(documents.map((d) => [d.group, d.aliases.length])).toEqual([
      ['core', 10],
      ['activity', 1]
    ]);
    expect(dropped.map((spec) => spec.alias || spec.label)).toEqual(['k10', 'k11']);
  });
});
