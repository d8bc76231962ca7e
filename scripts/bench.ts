/**
 * `npm run bench`: the KPI engine over generated data sets of growing size.
 *
 * For each size (10k, 100k, 1M opportunities; 100 reps; one fiscal year under review) a child process
 * generates the sample data set and times each step of a full team review:
 *   plan        buildReviewPlan: the two GraphQL documents for the team
 *   records     reviewModelFromRecords: the engine over plain records (what `report --data` does)
 *   answer      the org's side, simulated: the same specs answered and shaped as UI API JSON
 *   responses   reviewModelFromResponses: flatten + model from those responses (what a panel does)
 * with the time, the heap kept afterwards and the process's peak RSS, then the size of the responses
 * (what travels over the wire). Each size runs in its own process so peaks do not mix.
 *
 * Then the preview's first render of the review page in headless Chromium (median of `--loads`).
 *
 * Usage: npm run bench [-- --sizes 10000,100000,1000000 --reps 100 --repeat 3 --loads 7 --skip-preview]
 */
import { spawnSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildReviewPlan, reviewModelFromRecords, reviewModelFromResponses } from 'c/reviewPlan';
import { runAggregate, runRecordQuery, createIndex } from 'c/recordQueries';
import { generateSampleData } from '../localorg/sample-data/generate';
import { benchPreviewFirstRender } from '../preview/bench/benchPreview';

type Row = Record<string, unknown>;
type AggregateSpec = Parameters<typeof runAggregate>[0];
type ListSpec = Parameters<typeof runRecordQuery>[0];
interface Spec {
  alias: string;
  kind: 'aggregate' | 'records';
  local?: boolean;
  document: number;
  groupBy?: string[];
  measures?: Array<{ fn: string; field: string }>;
}
interface Plan {
  documents: Array<{ aliases: string[]; query: string; variables: Record<string, unknown> }>;
  specs: Spec[];
  variables: Record<string, { value: unknown }>;
  context: { subjectUserIds: string[] };
}
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

const ROOT = resolve(__dirname, '..');
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

/** Rows and records shaped as the UI API returns them (the inverse of c/graphqlResults). */
function aggregateConnection(rows: Row[], hasNextPage: boolean) {
  return {
    edges: rows.map((row) => {
      const aggregate: Record<string, Record<string, unknown>> = {};
      for (const [key, value] of Object.entries(row)) {
        const m = /^(\w+)\((\w+)\)$/.exec(key);
        if (m) {
          aggregate[m[2]] = aggregate[m[2]] || {};
          aggregate[m[2]][m[1]] = { value };
        } else {
          aggregate[key] = { ...(aggregate[key] || {}), value };
        }
      }
      return { node: { aggregate } };
    }),
    pageInfo: { hasNextPage }
  };
}

function recordNode(record: Row): Row {
  const node: Row = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'Id') node.Id = value;
    else if (value !== null && typeof value === 'object') node[key] = recordNode(value as Row);
    else node[key] = { value };
  }
  return node;
}

function answer(plan: Plan, data: Record<string, Row[]>) {
  const index = createIndex(data);
  const responses = plan.documents.map(() => ({
    data: { uiapi: { aggregate: {} as Row, query: {} as Row } }
  }));
  let aggregateRows = 0;
  let listRecords = 0;
  for (const spec of plan.specs) {
    if (spec.local) continue;
    const target = responses[spec.document].data.uiapi;
    if (spec.kind === 'aggregate') {
      const result = runAggregate(spec as unknown as AggregateSpec, data, plan.variables, index);
      aggregateRows += result.rows.length;
      target.aggregate[spec.alias] = aggregateConnection(result.rows as Row[], result.hasNextPage);
    } else {
      const result = runRecordQuery(spec as unknown as ListSpec, data, plan.variables, index);
      listRecords += result.records.length;
      target.query[spec.alias] = {
        edges: result.records.map((r) => ({ node: recordNode(r as Row) })),
        pageInfo: { hasNextPage: result.hasNextPage, endCursor: null }
      };
    }
  }
  return { responses, aggregateRows, listRecords };
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
  let plan = measure('plan (2 documents)', steps, () => buildReviewPlan(input) as unknown as Plan);
  for (let r = 1; r < repeat; r++) plan = buildReviewPlan(input) as unknown as Plan;
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

function planCompileFor100Reps(): { ms: number; documents: number; subqueries: number } {
  const { kpis, stagePolicy } = loadConfig();
  const manager = { Id: '005000000000000000', Name: 'Manager', ManagerId: null };
  const reps = Array.from({ length: 100 }, (_, i) => ({
    Id: `005${String(i + 1).padStart(15, '0')}`,
    Name: `Rep ${i + 1}`,
    ManagerId: manager.Id
  }));
  const input = {
    subjectUserIds: reps.map((r) => r.Id),
    users: [manager, ...reps],
    kpis,
    stagePolicy,
    asOf: '2026-11-23',
    orgTimeZone: 'Europe/Paris',
    periodType: 'Month',
    lastReviewDate: '2026-11-09'
  };
  for (let i = 0; i < 20; i++) buildReviewPlan(input);
  const start = process.hrtime.bigint();
  let plan: Plan | null = null;
  for (let i = 0; i < PLAN_RUNS; i++) plan = buildReviewPlan(input) as unknown as Plan;
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
  console.log('What travels (the two GraphQL responses of the review):');
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
    `Review plan for a 100-rep team (default menu, 28 KPIs): ${fmt(compile.ms, 2)} ms per compilation (mean of ${PLAN_RUNS}), ${compile.documents} documents, ${compile.subqueries} subqueries`
  );
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
