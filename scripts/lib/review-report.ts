/**
 * The `report` output: the engine's review model reduced to the published report fields
 * (JSON), or rendered as Markdown or CSV. No number is computed here — every value is read from
 * the model; this module only selects, renames and formats.
 */
import { NumberFormat } from './number-format';
import { figure, renderCsv, renderMarkdownTable, type Cell } from './table';
import {
  FLAG_BUILTINS,
  kpiCell,
  type KpiCell,
  type ReviewModel,
  type TrustFlag
} from './kpi-engine';

/** The engine's review model, which the report reads (typed in ./engine). */
export type { ReviewModel };

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
    stalled: CountedIds;
    offersPastCheck: CountedIds;
    forecastDeviationPct: number | null;
  };
  funnel: {
    stages: Array<{ stage: string; count: number; amount: number; weightedAmount: number }>;
    openCount: number;
    openAmount: number;
  };
  /** Null where the subquery a number reads failed (the model says so), never 0. */
  activity: {
    meetings: number | null;
    customerFacingHours: number | null;
    calls: number | null;
    newOpportunities: number | null;
    newCustomerContacts: number | null;
  };
  kpis: Array<ReportKpi & { name: string; unit: string | null; aboveTheLine: boolean }>;
  /**
   * A team review: each subject's KPIs and data-trust counts, in the order of the model's people
   * (the roll-up panel's rows). Empty for one person.
   */
  people: Array<{
    userId: string;
    name: string | null;
    kpis: ReportKpi[];
    dataTrust: Record<TrustFlag | 'offersPastCheck', number | null>;
  }>;
  /** True when a deal list hit its size limit, so some `ids` lists are partial (counts are always complete). */
  idsComplete: boolean;
  warnings: string[];
}

/** A KPI's numbers in the report. */
export interface ReportKpi {
  key: string;
  value: number | null;
  target: number | null;
  attainmentPct: number | null;
  status: string;
}

const reportKpi = (key: string, cell: KpiCell): ReportKpi => ({
  key,
  value: cell.value,
  target: cell.target,
  attainmentPct: cell.attainment,
  status: cell.status
});

/**
 * The deal flags of data trust, in the engine's names: each is a measure of `model.trust` and the
 * flag on the deals it counts, and the report's key. Offers past their check date are listed apart.
 */
const TRUST_FLAGS = FLAG_BUILTINS;

/** Selects and renames the report fields from a review model. */
export function toReport(model: ReviewModel): ReviewReport {
  const measure = (key: string) => model.trust.measures.find((m) => m.key === key);
  const trustEntry = (flag: TrustFlag): CountedIds => {
    // Snoozed deals are counted apart by the engine, so they are not among the ids either.
    const ids = model.lists.flagged
      .filter((d) => d.flags.includes(flag) && !d.snoozed)
      .map((d) => d.Id);
    const m = measure(flag);
    return { count: m?.count ?? m?.value ?? ids.length, ids };
  };
  const dataTrust = Object.fromEntries(
    TRUST_FLAGS.map((flag) => [flag, trustEntry(flag)])
  ) as Record<TrustFlag, CountedIds>;
  const offers = model.lists.offersPastCheck.filter((d) => !d.snoozed).map((d) => d.Id);
  const activity = model.activity.total;
  return {
    asOf: model.scope.asOf,
    users: [...model.scope.subjectUserIds],
    period: { ...model.scope.period },
    dataTrust: {
      ...dataTrust,
      offersPastCheck: { count: offers.length, ids: offers },
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
      ...reportKpi(k.key, k.total),
      name: k.name,
      unit: k.unit ?? null,
      aboveTheLine: k.aboveTheLine === true
    })),
    people: peopleOf(model),
    idsComplete: model.lists.complete?.open !== false,
    warnings: [...(model.warnings ?? [])]
  };
}

/** Each subject's row of a team review (none for one person), in the model's order of people. */
function peopleOf(model: ReviewModel): ReviewReport['people'] {
  const subjects = model.scope.subjectUserIds;
  if (subjects.length < 2) return [];
  const order = model.people.map((p) => p.userId).filter((id) => subjects.includes(id));
  const ids = [...order, ...subjects.filter((id) => !order.includes(id))];
  return ids.map((userId) => {
    const counts = model.trust.byUser?.find((row) => row.userId === userId) ?? {};
    const count = (key: string): number | null =>
      typeof (counts as Record<string, unknown>)[key] === 'number'
        ? ((counts as Record<string, unknown>)[key] as number)
        : null;
    return {
      userId,
      name: model.people.find((p) => p.userId === userId)?.name ?? null,
      kpis: model.kpis.map((k) => {
        // A person's own numbers: the people rows are the subjects, a manager's own deals included.
        const cell = kpiCell(k, userId, { own: true });
        return reportKpi(
          k.key,
          cell ?? { value: null, target: null, attainment: null, status: 'None' }
        );
      }),
      dataTrust: {
        ...(Object.fromEntries(TRUST_FLAGS.map((flag) => [flag, count(flag)])) as Record<
          TrustFlag,
          number | null
        >),
        offersPastCheck: count('offersPastCheck')
      }
    };
  });
}

/** Options of {@link toMarkdown}. */
export interface MarkdownOptions {
  /** BCP 47 locale of the numbers (default en-US). */
  locale?: string;
  /** The review's currency (the model's `scope.currency`); amounts go without a symbol when unknown. */
  currency?: string | null;
}

/**
 * The report as Markdown: a heading, then one table per section; a team review adds the roll-up
 * (the team's row, then each person's). Amounts, counts and percentages are formatted for the
 * locale, in the review's currency.
 */
export function toMarkdown(
  report: ReviewReport,
  names: ReadonlyMap<string, string>,
  options: MarkdownOptions = {}
): string {
  const f = new NumberFormat(options.locale ?? 'en-US', options.currency);
  const who = report.users.map((id) => names.get(id) ?? id).join(', ');
  const count = (value: number | null) => figure(f.number(value, 0));
  const trustRows: Cell[][] = [
    ...TRUST_FLAGS.map((flag) => [flag, count(report.dataTrust[flag].count)] as Cell[]),
    ['offersPastCheck', count(report.dataTrust.offersPastCheck.count)],
    ['forecastDeviationPct', figure(f.percent(report.dataTrust.forecastDeviationPct, 1))]
  ];
  const activity: Record<keyof ReviewReport['activity'], string> = {
    meetings: f.number(report.activity.meetings, 0),
    customerFacingHours: f.number(report.activity.customerFacingHours, 1),
    calls: f.number(report.activity.calls, 0),
    newOpportunities: f.number(report.activity.newOpportunities, 0),
    newCustomerContacts: f.number(report.activity.newCustomerContacts, 0)
  };
  const parts = [
    `# Review: ${who}`,
    '',
    `Period: ${report.period.label ?? report.period.type} (${report.period.start} – ${report.period.end}), as of ${report.asOf}`,
    '',
    '## KPIs',
    '',
    renderMarkdownTable(
      ['KPI', 'value', 'target', 'attainment', 'status'],
      report.kpis.map((k) => [
        k.name,
        figure(f.kpi(k.value, k.unit ?? undefined)),
        figure(f.kpi(k.target, k.unit ?? undefined)),
        figure(f.percent(k.attainmentPct)),
        k.status
      ])
    )
  ];
  if (report.people.length > 0) {
    // The roll-up panel's table: the team's numbers, then each person's under them.
    // Its columns: the KPIs above the line (all, when the menu marks none) and the trust counts.
    const aboveTheLine = report.kpis.filter((k) => k.aboveTheLine);
    const columns = aboveTheLine.length > 0 ? aboveTheLine : report.kpis;
    const cellsOf = (kpis: readonly ReportKpi[]) =>
      columns.map((column) =>
        figure(
          f.kpi(kpis.find((k) => k.key === column.key)?.value ?? null, column.unit ?? undefined)
        )
      );
    parts.push(
      '## Team',
      '',
      renderMarkdownTable(
        ['person', ...columns.map((k) => k.name), ...TRUST_FLAGS],
        [
          [
            'Team',
            ...cellsOf(report.kpis),
            ...TRUST_FLAGS.map((flag) => count(report.dataTrust[flag].count))
          ],
          ...report.people.map((person) => [
            person.name ?? names.get(person.userId) ?? person.userId,
            ...cellsOf(person.kpis),
            ...TRUST_FLAGS.map((flag) => count(person.dataTrust[flag]))
          ])
        ]
      )
    );
  }
  parts.push(
    '## Data trust',
    '',
    renderMarkdownTable(['measure', 'value'], trustRows),
    '## Funnel',
    '',
    renderMarkdownTable(
      ['stage', 'count', 'amount', 'weighted amount'],
      [
        ...report.funnel.stages.map(
          (s) =>
            [
              s.stage,
              count(s.count),
              figure(f.amount(s.amount)),
              figure(f.amount(s.weightedAmount))
            ] as Cell[]
        ),
        [
          'Open total',
          count(report.funnel.openCount),
          figure(f.amount(report.funnel.openAmount)),
          null
        ]
      ]
    ),
    '## Activity',
    '',
    renderMarkdownTable(
      ['measure', 'value'],
      Object.entries(activity).map(([key, value]) => [key, figure(value)])
    )
  );
  if (report.warnings.length > 0)
    parts.push('## Warnings', '', ...report.warnings.map((w) => `- ${w}`), '');
  return parts.join('\n');
}

/** The report as CSV: one row per number (`section,key,value,target,attainmentPct,status`). */
export function toCsv(report: ReviewReport): string {
  const rows: Cell[][] = [
    ...report.kpis.map((k) => ['kpi', k.key, k.value, k.target, k.attainmentPct, k.status]),
    ...TRUST_FLAGS.map(
      (flag) => ['dataTrust', flag, report.dataTrust[flag].count, null, null, null] as Cell[]
    ),
    ['dataTrust', 'offersPastCheck', report.dataTrust.offersPastCheck.count, null, null, null],
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
    ),
    ...report.people.flatMap((person) => [
      ...person.kpis.map(
        (k) =>
          [
            'person',
            `${person.userId}.${k.key}`,
            k.value,
            k.target,
            k.attainmentPct,
            k.status
          ] as Cell[]
      ),
      ...Object.entries(person.dataTrust).map(
        ([key, value]) =>
          ['person', `${person.userId}.dataTrust.${key}`, value, null, null, null] as Cell[]
      )
    ])
  ];
  return renderCsv(['section', 'key', 'value', 'target', 'attainmentPct', 'status'], rows);
}
