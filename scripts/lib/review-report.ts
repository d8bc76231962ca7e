/**
 * The `report` output: the engine's review model reduced to the published report fields
 * (JSON), or rendered as Markdown or CSV. No number is computed here — every value is read from
 * the model; this module only selects, renames and formats.
 */
import { renderCsv, renderMarkdownTable, type Cell } from './table';

/** The parts of the engine's review model the report reads (see /tmp/pacer/ENGINE-API.md). */
export interface ReviewModel {
  scope: {
    subjectUserIds: string[];
    asOf: string;
    currency?: string | null;
    period: { type: string; start: string; end: string; label?: string };
  };
  people: Array<{ userId: string; name?: string | null; isSubject?: boolean }>;
  kpis: Array<{
    key: string;
    name: string;
    unit?: string;
    total: {
      value: number | null;
      target: number | null;
      attainment: number | null;
      status: string;
    };
  }>;
  funnel: {
    stages: Array<{ stage: string; count: number; amount: number; weighted: number }>;
    total: { count: number; amount: number; weighted: number };
  };
  trust: {
    measures: Array<{ key: string; label?: string; value: number | null; count?: number | null }>;
  };
  activity: {
    total: {
      meetings: number;
      customerHours: number;
      calls: number;
      newOpportunities: number;
      newCustomerContacts: number;
    };
  };
  forecast?: { total?: { deviationPct: number | null } };
  lists: {
    flagged: Array<{ Id: string; flags: string[]; snoozed?: boolean }>;
    offersPastCheck: Array<{ Id: string; snoozed?: boolean }>;
    complete?: { open?: boolean };
  };
  warnings?: string[];
}

/** A data-trust measure in the report: how many, and which. */
export interface CountedIds {
  count: number;
  ids: string[];
}

/** The report's JSON (field names are the published interface of `report --format json`). */
export interface ReviewReport {
  asOf: string;
  users: string[];
  period: { type: string; start: string; end: string; label?: string };
  dataTrust: {
    pastCloseDate: CountedIds;
    notUpdated: CountedIds;
    earlyStageClosingSoon: CountedIds;
    stalledInStage: CountedIds;
    offersPastCheckDate: CountedIds;
    forecastDeviationPct: number | null;
  };
  funnel: {
    stages: Array<{ stage: string; count: number; amount: number; weightedAmount: number }>;
    openCount: number;
    openAmount: number;
  };
  activity: {
    meetings: number;
    customerFacingHours: number;
    calls: number;
    newOpportunities: number;
    newCustomerContacts: number;
  };
  kpis: Array<{
    key: string;
    name: string;
    value: number | null;
    target: number | null;
    attainmentPct: number | null;
    status: string;
  }>;
  /** True when a deal list hit its size limit, so some `ids` lists are partial (counts are always complete). */
  idsComplete: boolean;
  warnings: string[];
}

/** Model measure keys → report keys, and the deal flag that lists the same deals. */
const TRUST_MEASURES = [
  { report: 'pastCloseDate', measure: 'pastCloseDate', flag: 'pastCloseDate' },
  { report: 'notUpdated', measure: 'notUpdated', flag: 'notUpdated' },
  {
    report: 'earlyStageClosingSoon',
    measure: 'earlyStageClosingSoon',
    flag: 'earlyStageClosingSoon'
  },
  { report: 'stalledInStage', measure: 'stalled', flag: 'stalled' }
] as const;

/** Selects and renames the report fields from a review model. */
export function toReport(model: ReviewModel): ReviewReport {
  const measure = (key: string) => model.trust.measures.find((m) => m.key === key);
  const trustEntry = (measureKey: string, flag: string): CountedIds => {
    // Snoozed deals are counted apart by the engine, so they are not among the ids either.
    const ids = model.lists.flagged
      .filter((d) => d.flags.includes(flag) && !d.snoozed)
      .map((d) => d.Id);
    const m = measure(measureKey);
    return { count: m?.count ?? m?.value ?? ids.length, ids };
  };
  const dataTrust = Object.fromEntries(
    TRUST_MEASURES.map((t) => [t.report, trustEntry(t.measure, t.flag)])
  ) as Omit<ReviewReport['dataTrust'], 'offersPastCheckDate' | 'forecastDeviationPct'>;
  const offers = model.lists.offersPastCheck.filter((d) => !d.snoozed).map((d) => d.Id);
  const activity = model.activity.total;
  return {
    asOf: model.scope.asOf,
    users: [...model.scope.subjectUserIds],
    period: { ...model.scope.period },
    dataTrust: {
      ...dataTrust,
      offersPastCheckDate: { count: offers.length, ids: offers },
      forecastDeviationPct:
        measure('forecastDeviation')?.value ?? model.forecast?.total?.deviationPct ?? null
    },
    funnel: {
      stages: model.funnel.stages.map((s) => ({
        stage: s.stage,
        count: s.count,
        amount: s.amount,
        weightedAmount: s.weighted
      })),
      openCount: model.funnel.total.count,
      openAmount: model.funnel.total.amount
    },
    activity: {
      meetings: activity.meetings,
      customerFacingHours: activity.customerHours,
      calls: activity.calls,
      newOpportunities: activity.newOpportunities,
      newCustomerContacts: activity.newCustomerContacts
    },
    kpis: model.kpis.map((k) => ({
      key: k.key,
      name: k.name,
      value: k.total.value,
      target: k.total.target,
      attainmentPct: k.total.attainment,
      status: k.total.status
    })),
    idsComplete: model.lists.complete?.open !== false,
    warnings: [...(model.warnings ?? [])]
  };
}

const round = (value: number | null, digits = 2): number | null =>
  value === null || value === undefined ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** The report as Markdown: a heading, then one table per section. */
export function toMarkdown(report: ReviewReport, names: ReadonlyMap<string, string>): string {
  const who = report.users.map((id) => names.get(id) ?? id).join(', ');
  const trustRows: Cell[][] = [
    ...TRUST_MEASURES.map((t) => [t.report, report.dataTrust[t.report].count] as Cell[]),
    ['offersPastCheckDate', report.dataTrust.offersPastCheckDate.count],
    ['forecastDeviationPct', round(report.dataTrust.forecastDeviationPct, 1)]
  ];
  const parts = [
    `# Review: ${who}`,
    '',
    `Period: ${report.period.label ?? report.period.type} (${report.period.start} – ${report.period.end}), as of ${report.asOf}`,
    '',
    '## KPIs',
    '',
    renderMarkdownTable(
      ['KPI', 'value', 'target', 'attainment %', 'status'],
      report.kpis.map((k) => [
        k.name,
        round(k.value),
        round(k.target),
        round(k.attainmentPct, 1),
        k.status
      ])
    ),
    '## Data trust',
    '',
    renderMarkdownTable(['measure', 'value'], trustRows),
    '## Funnel',
    '',
    renderMarkdownTable(
      ['stage', 'count', 'amount', 'weighted amount'],
      [
        ...report.funnel.stages.map(
          (s) => [s.stage, s.count, round(s.amount), round(s.weightedAmount)] as Cell[]
        ),
        ['Open total', report.funnel.openCount, round(report.funnel.openAmount), null]
      ]
    ),
    '## Activity',
    '',
    renderMarkdownTable(
      ['measure', 'value'],
      Object.entries(report.activity).map(([key, value]) => [key, round(value)])
    )
  ];
  if (report.warnings.length > 0)
    parts.push('## Warnings', '', ...report.warnings.map((w) => `- ${w}`), '');
  return parts.join('\n');
}

/** The report as CSV: one row per number (`section,key,value,target,attainmentPct,status`). */
export function toCsv(report: ReviewReport): string {
  const rows: Cell[][] = [
    ...report.kpis.map((k) => ['kpi', k.key, k.value, k.target, k.attainmentPct, k.status]),
    ...TRUST_MEASURES.map(
      (t) => ['dataTrust', t.report, report.dataTrust[t.report].count, null, null, null] as Cell[]
    ),
    [
      'dataTrust',
      'offersPastCheckDate',
      report.dataTrust.offersPastCheckDate.count,
      null,
      null,
      null
    ],
    ['dataTrust', 'forecastDeviationPct', report.dataTrust.forecastDeviationPct, null, null, null],
    ...report.funnel.stages.flatMap((s) => [
      ['funnel', `${s.stage}.count`, s.count, null, null, null] as Cell[],
      ['funnel', `${s.stage}.amount`, s.amount, null, null, null] as Cell[],
      ['funnel', `${s.stage}.weightedAmount`, s.weightedAmount, null, null, null] as Cell[]
    ]),
    ['funnel', 'openCount', report.funnel.openCount, null, null, null],
    ['funnel', 'openAmount', report.funnel.openAmount, null, null, null],
    ...Object.entries(report.activity).map(
      ([key, value]) => ['activity', key, value, null, null, null] as Cell[]
    )
  ];
  return renderCsv(['section', 'key', 'value', 'target', 'attainmentPct', 'status'], rows);
}
