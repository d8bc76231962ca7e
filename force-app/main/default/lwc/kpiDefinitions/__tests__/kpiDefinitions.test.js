import {
  validateMenuDefinitions,
  validateDefinition,
  kpiFromRecord,
  kpiToRecord,
  normalizeKpis,
  cadenceToRecords,
  stagePolicyToRecords,
  isAdditive,
  CATEGORIES
} from 'c/kpiDefinitions';

const {
  menu,
  cadences,
  stagePolicyConfig
} = require('../../reviewPlan/__tests__/support/engineFixtures');

const clone = (value) => JSON.parse(JSON.stringify(value));
const messages = (errors) => errors.map((e) => e.message);

// The structure and limits of the config files are zod's (scripts/lib/__tests__/schemas.test.ts);
// the engine keeps what a definition means, which it can check on records read from the org.
describe('the default config', () => {
  it('has definitions that all mean something to the engine', () => {
    expect(validateMenuDefinitions(menu.kpis)).toEqual([]);
  });
  it('covers every KPI category, with the outcome, pipeline, activity and trust KPIs a review needs', () => {
    expect(menu.kpis.length).toBeGreaterThanOrEqual(20);
    expect(new Set(menu.kpis.map((k) => k.category))).toEqual(new Set(CATEGORIES));
    const builtins = menu.kpis.map((k) => k.definition.builtin).filter(Boolean);
    expect(builtins).toEqual(
      expect.arrayContaining([
        'forecastDeviation',
        'pastCloseDate',
        'notUpdated',
        'earlyStageClosingSoon',
        'coverage',
        'pacing',
        'salesCycle',
        'newCustomerContacts'
      ])
    );
    const keys = menu.kpis.map((k) => k.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'win_rate',
        'avg_deal_value',
        'new_opportunities',
        'customer_meetings',
        'customer_hours'
      ])
    );
  });
  it('holds the typical month in its cadences: W1 team meeting, W1/W3/W5 coaching, W5 performance coaching, W2 key accounts', () => {
    const byType = Object.fromEntries(
      cadences.cadences.filter((c) => c.active).map((c) => [c.key, c])
    );
    expect(byType['team-meeting'].weeksOfMonth).toEqual([1]);
    expect(byType['individual-coaching'].weeksOfMonth).toEqual([1, 3, 5]);
    expect(byType['performance-coaching'].weeksOfMonth).toEqual([5]);
    expect(byType['key-account-management'].weeksOfMonth).toEqual([2]);
    expect(cadences.cadences.map((c) => c.frequency)).toEqual(
      expect.arrayContaining(['Monthly', 'Quarterly', 'Annual'])
    );
    expect(byType['individual-coaching'].agenda.map((a) => a.panel)).toEqual(
      expect.arrayContaining(['Top opportunities', 'Funnel', 'Activity', 'Actions'])
    );
  });
});

describe('a broken definition', () => {
  it('names the KPI and the property for an unknown field, placed in the menu', () => {
    const broken = clone(menu);
    broken.kpis.find((k) => k.key === 'sales_won').definition.field = 'Amout';
    expect(validateMenuDefinitions(broken.kpis)).toEqual([
      {
        path: 'kpis[0].definition.field',
        key: 'sales_won',
        property: 'definition.field',
        reason: 'must name a field of Opportunity (got "Amout")',
        message: 'sales_won: definition.field must name a field of Opportunity (got "Amout")'
      }
    ]);
  });
  it('names the KPI and the property for a ratio part that does not exist', () => {
    const broken = clone(menu);
    broken.kpis.find((k) => k.key === 'win_rate').definition.denominator = 'deals_lost';
    expect(messages(validateMenuDefinitions(broken.kpis))).toEqual([
      'win_rate: definition.denominator refers to unknown KPI "deals_lost"'
    ]);
  });
  it('rejects a ratio of ratios, which cannot roll up', () => {
    const broken = clone(menu);
    broken.kpis.find((k) => k.key === 'margin_per_deal').definition.numerator = 'win_rate';
    expect(messages(validateMenuDefinitions(broken.kpis))).toEqual([
      'margin_per_deal: definition.numerator must refer to a count, sum or additive builtin KPI ("win_rate" is not additive)'
    ]);
  });
  it('rejects a coverage of a KPI that is not a sum or a count', () => {
    const broken = clone(menu);
    const coverage = broken.kpis.find((k) => k.definition.builtin === 'coverage');
    coverage.definition.params.kpi = 'win_rate';
    expect(messages(validateMenuDefinitions(broken.kpis))).toEqual([
      `${coverage.key}: definition.params.kpi must refer to a sum or count KPI ("win_rate" is ratio)`
    ]);
  });
  it('explains filter mistakes: unknown field, operator and value type', () => {
    const errors = validateDefinition(
      {
        object: 'Opportunity',
        measure: 'count',
        filter: {
          Stage: 'Won',
          Amount: { above: 5 },
          IsWon: 'yes',
          CloseDate: { lt: { ref: 'today' } }
        }
      },
      'broken_kpi'
    );
    expect(errors.map((e) => e.message)).toEqual([
      'broken_kpi: definition.filter.Stage names a field that Opportunity does not have (or Pacer does not read)',
      'broken_kpi: definition.filter.Amount.above is not an operator (use eq, ne, lt, lte, gt, gte, in, nin)',
      'broken_kpi: definition.filter.IsWon is not a valid boolean value for Opportunity.IsWon (got "yes")',
      'broken_kpi: definition.filter.CloseDate.lt is not a valid date value for Opportunity.CloseDate (got {"ref":"today"})'
    ]);
  });
  it('refuses fields real orgs hide by default: no filter on ExpectedRevenue, no Task or Event Type', () => {
    const weighted = validateDefinition(
      {
        object: 'Opportunity',
        measure: 'sum',
        field: 'ExpectedRevenue',
        filter: { ExpectedRevenue: { gt: 1000 } }
      },
      'big_weighted'
    );
    expect(weighted.map((e) => e.message)).toEqual([
      'big_weighted: definition.filter.ExpectedRevenue cannot filter on Opportunity.ExpectedRevenue, which Pacer computes from Amount and Probability (filter on those instead)'
    ]);
    const typed = validateDefinition(
      { object: 'Task', measure: 'count', filter: { Type: 'Call' }, dateField: 'ActivityDate' },
      'typed_calls'
    );
    expect(typed.map((e) => e.message)).toEqual([
      'typed_calls: definition.filter.Type names a field that Task does not have (or Pacer does not read)'
    ]);
  });
  it('rejects unknown measures, builtins and parameters', () => {
    expect(
      validateDefinition(
        { measure: 'builtin', builtin: 'coverage', params: { kpi: 'sales_won' }, target: 3 },
        'coverage'
      )
    ).toEqual([]);
    expect(
      validateDefinition({ object: 'Opportunity', measure: 'count', target: 3 }, 'deals')[0]
    ).toMatchObject({ key: 'deals', property: 'definition.target' });
    expect(
      validateDefinition(
        { measure: 'builtin', builtin: 'pacing', params: { kpi: 'sales_won' }, target: '100' },
        'pacing'
      )[0].property
    ).toBe('definition.target');
    expect(validateDefinition({ measure: 'median' }, 'k')[0].message).toBe(
      'k: definition.measure must be one of count, sum, avg, ratio, builtin (got "median")'
    );
    expect(validateDefinition({ measure: 'builtin', builtin: 'magic' }, 'k')[0].property).toBe(
      'definition.builtin'
    );
    expect(
      validateDefinition({ measure: 'builtin', builtin: 'notUpdated', params: { days: 0 } }, 'k')[0]
        .message
    ).toBe('k: definition.params.days must be a whole number of days from 1 to 9999');
    expect(validateDefinition({ measure: 'builtin', builtin: 'pacing' }, 'k')[0].message).toBe(
      'k: definition.params.kpi is required: pacing compares a KPI with its target'
    );
    expect(
      validateDefinition({ object: 'Event', measure: 'sum', field: 'Subject' }, 'k')[0].message
    ).toBe('k: definition.field must be a number or currency field to sum (Subject is string)');
  });
  it('finds cycles of ratios, at the first KPI of the cycle', () => {
    const cyclic = [
      {
        ...clone(menu.kpis[3]),
        key: 'a',
        definition: { measure: 'ratio', numerator: 'b', denominator: 'c' }
      },
      {
        ...clone(menu.kpis[3]),
        key: 'b',
        definition: { measure: 'ratio', numerator: 'a', denominator: 'c' }
      },
      { ...clone(menu.kpis[1]), key: 'c' }
    ];
    const cycle = validateMenuDefinitions(cyclic).filter((e) => e.property === 'definition');
    expect(cycle).toEqual([
      {
        path: 'kpis[0].definition',
        key: 'a',
        property: 'definition',
        reason: 'forms a cycle of ratios: a → b → a',
        message: 'a: definition forms a cycle of ratios: a → b → a'
      }
    ]);
  });
});

describe('records', () => {
  it('round-trips a KPI through SPM_KPI__c', () => {
    const kpi = menu.kpis.find((k) => k.key === 'win_rate');
    const record = kpiToRecord(kpi, 2026);
    expect(record).toMatchObject({
      Key__c: 'win_rate',
      Menu_Year__c: 2026,
      Levels__c: 'Rep;Manager;Director;Executive',
      Unit__c: 'Percent'
    });
    expect(JSON.parse(record.Definition__c)).toEqual(kpi.definition);
    const back = kpiFromRecord({ ...record, Id: 'a01000000000000001' });
    expect(back).toEqual({ ...kpi, id: 'a01000000000000001', menuYear: 2026 });
  });
  it('normalizes records and config entries alike, in sort order', () => {
    const records = menu.kpis
      .slice(0, 3)
      .map((k) => kpiToRecord(k, 2026))
      .reverse();
    expect(normalizeKpis(records).map((k) => k.key)).toEqual([
      'sales_won',
      'deals_won',
      'deals_closed'
    ]);
    expect(normalizeKpis(menu.kpis.slice(0, 2))[0].id).toBeNull();
  });
  it('reads a definition that is not JSON as none, with the reason, rather than throw', () => {
    const kpi = kpiFromRecord({ Key__c: 'x', Definition__c: '{oops' });
    expect(kpi.definition).toBeNull();
    expect(kpi.definitionError).toMatch(/^Definition__c is not valid JSON \(/);
    expect(kpiFromRecord({ Key__c: 'y', Definition__c: '{"measure":"count"}' })).not.toHaveProperty(
      'definitionError'
    );
  });
  it('maps cadences and the stage policy to records keyed by Key__c', () => {
    const { cadence, agendaItems } = cadenceToRecords(cadences.cadences[1]);
    expect(cadence).toMatchObject({
      Key__c: 'individual-coaching',
      Weeks_Of_Month__c: '1,3,5',
      Meeting_Type__c: 'Individual coaching'
    });
    expect(agendaItems[0]).toMatchObject({
      Key__c: 'ic-trust',
      Cadence__r: { Key__c: 'individual-coaching' },
      Panel__c: 'Data trust'
    });
    expect(stagePolicyToRecords(stagePolicyConfig.stages)[0]).toEqual({
      Key__c: 'Prospecting',
      Name: 'Prospecting',
      Stage_Name__c: 'Prospecting',
      Max_Days_In_Stage__c: 30,
      Early_Stage__c: true,
      Sort_Order__c: 1
    });
  });
  it('knows which KPIs add up', () => {
    const byKey = Object.fromEntries(menu.kpis.map((k) => [k.key, k]));
    expect(isAdditive(byKey.sales_won)).toBe(true);
    expect(isAdditive(byKey.past_close_date)).toBe(true);
    expect(isAdditive(byKey.win_rate)).toBe(false);
    expect(isAdditive(byKey.sales_cycle)).toBe(false);
  });
});
