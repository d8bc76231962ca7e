/**
 * `npm run bench`: the KPI engine over generated data sets of growing size, then the preview. It lives
 * in preview/ because it measures the whole stack: the engine (c/…), the sample-data generator and
 * the preview's first render all sit below it.
 *
 * For each size (10k, 100k, 1M opportunities; 100 reps; one fiscal year under review) a child process
 * generates the sample data set and times each step of a full team review:
 *   plan        buildReviewPlan: the GraphQL documents for the team (sent in parallel: one round trip)
 *   records     reviewModelFromRecords: the engine over plain records (what `report --data` does)
 *   answer      the org's side, simulated: the same specs answered and shaped as UI API JSON
 *               (c/reviewModel responsesFromRecords)
 *   responses   reviewModelFromResponses: flatten + model from those responses (what a panel does)
 * with the time, the heap kept afterwards and the process's peak RSS, then the size of the responses
 * (what travels over the wire). Each size runs in its own process so peaks do not mix.
 *
 * Before that, the documents and subqueries of a plan for one rep and for a 100-rep team, for each
 * period type; after it, the preview's first render of the review page in headless Chromium (median
 * of `--loads`).
 *
 * Usage: npm run bench [-- --sizes 10000,100000,1000000 --reps 100 --repeat 3 --loads 7 --skip-preview]
 */
import { spawnSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildReviewPlan } from 'c/reviewPlan';
import {
  reviewModelFromRecords,
  reviewModelFromResponses,
  responsesFromRecords
} from 'c/reviewModel';
import { generateSampleData } from '../../sample-data/generate';
import type { ReviewPlan } from '../../scripts/lib/kpi-engine';
import { benchPreviewFirstRender } from './benchPreview';

type Row = Record<string, unknown>;
type Connection = { edges?: unknown[] };
type Response = {
  data: { uiapi: { aggregate?: Record<string, Connection>; query?: Record<string, Connection> } };
};
interface StepResult {
  step: string;
  ms: number;
  heapMB: number;
  peakRssMB: number;
}
interface SizeResult {
  opportunities: number;
  records: Record<string, number>;
  subjects: number;
  steps: StepResult[];
  responseBytes: number;
  aggregateRows: number;
  listRecords: number;
  planMsFor100Reps?: number;
}

const ROOT = resolve(__dirname, '../..');
const DEFAULT_SIZES = [10000, 100000, 1000000];
const DEFAULT_REPS = 100;
const WEEKS_OF_ACTIVITY = 104;
/** Activities per opportunity: 100k opportunities come with 500k+ activities. */
const ACTIVITIES_PER_OPPORTUNITY = 5.2;
const MB = 1024 * 1024;
const CHILD_HEAP_MB = 20000;
const PLAN_RUNS = 200;
const PREVIEW_LOADS = 7;

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        out[argv[i].slice(2)] = next;
        i++;
      } else out[argv[i].slice(2)] = 'true';
    }
  }
  return out;
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

function measure<T>(step: string, steps: StepResult[], fn: () => T): T {
  collectGarbage();
  const start = process.hrtime.bigint();
  const value = fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  collectGarbage();
  steps.push({
    step,
    ms,
    heapMB: process.memoryUsage().heapUsed / MB,
    peakRssMB: process.resourceUsage().maxRSS / 1024
  });
  return value;
}

function answer(plan: ReviewPlan, data: Record<string, Row[]>) {
  const responses = responsesFromRecords(plan, data) as Response[];
  const count = (block?: Record<string, Connection>) =>
    Object.values(block ?? {}).reduce((t, c) => t + (c.edges?.length ?? 0), 0);
  return {
    responses,
    aggregateRows: responses.reduce((t, r) => t + count(r.data.uiapi.aggregate), 0),
    listRecords: responses.reduce((t, r) => t + count(r.data.uiapi.query), 0)
  };
}

function loadConfig() {
  const menu = JSON.parse(readFileSync(resolve(ROOT, 'config/kpi-menu.json'), 'utf8'));
  const policy = JSON.parse(readFileSync(resolve(ROOT, 'config/stage-policy.json'), 'utf8'));
  return { kpis: menu.kpis, stagePolicy: policy.stages };
}

function runChild(opportunities: number, reps: number, repeat: number): SizeResult {
  // Keep the collector callable for honest per-step heap figures.
  setFlagsFromString('--expose-gc');
  (globalThis as { gc?: () => void }).gc = runInNewContext('gc');
  const { kpis, stagePolicy } = loadConfig();
  const steps: StepResult[] = [];
  const activitiesPerRepPerWeek = Math.max(
    1,
    Math.round((opportunities * ACTIVITIES_PER_OPPORTUNITY) / (reps * WEEKS_OF_ACTIVITY))
  );
  const dataSet = measure('generate (not engine)', steps, () =>
    generateSampleData({ reps, opportunities, activitiesPerRepPerWeek })
  );
  const data = dataSet.records as unknown as Record<string, Row[]>;
  const users = data.User as Array<{ Id: string; ManagerId: string | null }>;
  const owners = new Set(data.Opportunity.map((o) => o.OwnerId as string));
  const subjects = users.filter((u) => owners.has(u.Id)).map((u) => u.Id);
  const input = {
    subjectUserIds: subjects,
    users,
    kpis,
    stagePolicy,
    asOf: dataSet.meta.asOf,
    orgTimeZone: dataSet.meta.orgTimeZone,
    fiscalYearStartMonth: dataSet.meta.fiscalYearStartMonth,
    periodType: 'Year',
    lastReviewDate: null
  };
  let plan = measure('plan', steps, () => buildReviewPlan(input) as ReviewPlan);
  for (let r = 1; r < repeat; r++) plan = buildReviewPlan(input) as ReviewPlan;
  measure('model from records', steps, () => reviewModelFromRecords(plan, data));
  const answered = measure('answer (org side, simulated)', steps, () => answer(plan, data));
  const responseBytes = answered.responses.reduce((t, r) => t + JSON.stringify(r).length, 0);
  measure('model from responses', steps, () => reviewModelFromResponses(plan, answered.responses));
  // Repeats: report the best of N for the engine steps (first runs include JIT warm-up).
  for (let r = 1; r < repeat; r++) {
    const extra: StepResult[] = [];
    measure('model from records', extra, () => reviewModelFromRecords(plan, data));
    measure('model from responses', extra, () =>
      reviewModelFromResponses(plan, answered.responses)
    );
    for (const e of extra) {
      const s = steps.find((x) => x.step === e.step);
      if (s && e.ms < s.ms) s.ms = e.ms;
    }
  }
  const records = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.length]));
  return {
    opportunities,
    records,
    subjects: subjects.length,
    steps,
    responseBytes,
    aggregateRows: answered.aggregateRows,
    listRecords: answered.listRecords
  };
}

const BENCH_PERIODS = ['Month', 'Quarter', 'Year', 'Week'] as const;

/** A plan's input for the default menu: the first `reps` reps of a 100-rep team under one manager. */
function planInput(reps: number, periodType: string) {
  const { kpis, stagePolicy } = loadConfig();
  const manager = { Id: '005000000000000000', Name: 'Manager', ManagerId: null };
  const team = Array.from({ length: 100 }, (_, i) => ({
    Id: `005${String(i + 1).padStart(15, '0')}`,
    Name: `Rep ${i + 1}`,
    ManagerId: manager.Id
  }));
  return {
    subjectUserIds: team.slice(0, reps).map((r) => r.Id),
    users: [manager, ...team],
    kpis,
    stagePolicy,
    asOf: '2026-11-23',
    orgTimeZone: 'Europe/Paris',
    periodType,
    lastReviewDate: '2026-11-09'
  };
}

/** Documents (by group) and subqueries of the plan of one rep and of a 100-rep team, per period type. */
function planShapes(): Array<{
  scope: string;
  periodType: string;
  documents: ReviewPlan['documents'];
}> {
  const out = [];
  for (const [scope, reps] of [
    ['1 rep', 1],
    ['100 reps', 100]
  ] as const) {
    for (const periodType of BENCH_PERIODS) {
      const plan = buildReviewPlan(planInput(reps, periodType)) as ReviewPlan;
      out.push({ scope, periodType, documents: plan.documents });
    }
  }
  return out;
}

function planCompileFor100Reps(): { ms: number; documents: number; subqueries: number } {
  const input = planInput(100, 'Month');
  for (let i = 0; i < 20; i++) buildReviewPlan(input);
  const start = process.hrtime.bigint();
  let plan: ReviewPlan | null = null;
  for (let i = 0; i < PLAN_RUNS; i++) plan = buildReviewPlan(input) as ReviewPlan;
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / PLAN_RUNS;
  return {
    ms,
    documents: plan!.documents.length,
    subqueries: plan!.documents.reduce((t, d) => t + d.aliases.length, 0)
  };
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function printTable(results: SizeResult[]): void {
  const base = results[0];
  console.log('');
  console.log(
    'Data sets (sample-data generator, seed 42, asOf 2026-11-23, one fiscal year under review, whole team):'
  );
  for (const r of results) {
    console.log(
      `  ${lpad(fmt(r.opportunities), 9)} opportunities: ${Object.entries(r.records)
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(', ')}; ${r.subjects} subjects`
    );
  }
  console.log('');
  const header = `${pad('step', 30)}${results.map((r) => lpad(`${fmt(r.opportunities / 1000)}k ms`, 13) + lpad('×', 7)).join('')}${results.map((r) => lpad(`${fmt(r.opportunities / 1000)}k heap MB`, 15)).join('')}${results.map((r) => lpad(`${fmt(r.opportunities / 1000)}k peak RSS`, 15)).join('')}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const step of base.steps.map((s) => s.step)) {
    const baseMs = base.steps.find((s) => s.step === step)!.ms;
    let line = pad(step, 30);
    for (const r of results) {
      const s = r.steps.find((x) => x.step === step)!;
      line += lpad(fmt(s.ms, s.ms < 10 ? 2 : 0), 13) + lpad(`${fmt(s.ms / baseMs, 1)}`, 7);
    }
    for (const r of results) line += lpad(fmt(r.steps.find((x) => x.step === step)!.heapMB), 15);
    for (const r of results)
      line += lpad(`${fmt(r.steps.find((x) => x.step === step)!.peakRssMB)} MB`, 15);
    console.log(line);
  }
  console.log('');
  console.log('What travels (the GraphQL responses of the review, one round trip):');
  for (const r of results) {
    console.log(
      `  ${lpad(fmt(r.opportunities), 9)} opportunities: ${fmt(r.responseBytes / 1024)} KiB, ${fmt(r.aggregateRows)} aggregate rows, ${fmt(r.listRecords)} list records (× ${fmt(r.responseBytes / base.responseBytes, 2)} vs ${fmt(base.opportunities / 1000)}k)`
    );
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const reps = Number(args.reps || DEFAULT_REPS);
  const repeat = Number(args.repeat || 3);
  if (args.child) {
    const result = runChild(Number(args.opportunities), reps, repeat);
    process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
    return;
  }
  const sizes = (args.sizes ? args.sizes.split(',') : DEFAULT_SIZES.map(String)).map(Number);
  console.log(
    `Pacer bench: ${sizes.map((s) => fmt(s)).join(' / ')} opportunities, ${reps} reps, best of ${repeat} for the engine steps`
  );
  const compile = planCompileFor100Reps();
  console.log(
    `Review plan for a 100-rep team (default menu, Month): ${fmt(compile.ms, 2)} ms per compilation (mean of ${PLAN_RUNS}), ${compile.documents} documents, ${compile.subqueries} subqueries`
  );
  console.log('Documents per plan (default menu; subqueries per document, by group):');
  for (const shape of planShapes()) {
    const subqueries = shape.documents.reduce((t, d) => t + d.aliases.length, 0);
    const byGroup = ['core', 'activity', 'joins']
      .map((g) => {
        const docs = shape.documents.filter((d) => d.group === g);
        return `${g} ${docs.map((d) => d.aliases.length).join('+') || '0'}`;
      })
      .join(', ');
    console.log(
      `  ${pad(shape.scope, 9)}${pad(shape.periodType, 8)}${lpad(String(shape.documents.length), 2)} documents, ${lpad(String(subqueries), 2)} subqueries (${byGroup})`
    );
  }
  const results: SizeResult[] = [];
  for (const size of sizes) {
    const child = spawnSync(
      process.execPath,
      [
        `--max-old-space-size=${CHILD_HEAP_MB}`,
        '--import',
        'tsx',
        resolve(__filename),
        '--child',
        '--opportunities',
        String(size),
        '--reps',
        String(reps),
        '--repeat',
        String(repeat)
      ],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * MB }
    );
    const line = (child.stdout || '').split('\n').find((l) => l.startsWith('BENCH_RESULT '));
    if (child.status !== 0 || !line) {
      console.log(
        `  ${fmt(size)} opportunities: did not complete (exit ${child.status}, signal ${child.signal}): ${(child.stderr || '').trim().split('\n').slice(-3).join(' | ')}`
      );
      continue;
    }
    const result = JSON.parse(line.slice('BENCH_RESULT '.length)) as SizeResult;
    console.log(
      `  ${fmt(size)} opportunities: done (${result.steps.map((s) => `${s.step} ${fmt(s.ms)} ms`).join(', ')})`
    );
    results.push(result);
  }
  if (results.length) printTable(results);
  if (!args['skip-preview']) await benchPreview(Number(args.loads || PREVIEW_LOADS));
}

/** The preview's first render of the review page in headless Chromium (default data set). */
async function benchPreview(loads: number): Promise<void> {
  console.log('');
  const result = await benchPreviewFirstRender({ loads });
  console.log(
    `Preview (default data, ${result.build.cached ? 'cached build' : `build ${fmt(result.build.durationMs)} ms`}, ready in ${fmt(result.startMs)} ms): review page first render, median of ${loads} loads: cold ${fmt(result.coldMedianMs)} ms, warm ${fmt(result.warmMedianMs)} ms`
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
