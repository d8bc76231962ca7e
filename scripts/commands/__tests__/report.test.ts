import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSampleData } from '../../../sample-data/generate';
import { MAX_PLAN_DOCUMENTS, modelFromDataSet } from '../../lib/kpi-engine';
import { captureIo } from '../../../cli/io';
import { run as report } from '../report';
import { run as seed } from '../seed';
import { PROJECT_DIR, startTestOrg } from '../../test-support/local-org';

const dataSet = generateSampleData({ reps: 4, opportunities: 300 });
const dir = mkdtempSync(join(tmpdir(), 'pacer-report-'));
const dataFile = join(dir, 'sample.json');
writeFileSync(dataFile, JSON.stringify(dataSet));
const users = dataSet.records.User;
const rep = users.find((u) => u.Title === 'Account Executive') as Record<string, unknown>;
const manager = users.find((u) => u.Title === 'Sales Manager') as Record<string, unknown>;
const menu = JSON.parse(readFileSync(join(PROJECT_DIR, 'config/kpi-menu.json'), 'utf8'));
const stages = JSON.parse(readFileSync(join(PROJECT_DIR, 'config/stage-policy.json'), 'utf8'));

async function runReport(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({ cwd: PROJECT_DIR });
  const code = await report(args, io);
  return { code, out: io.out, err: io.err };
}

describe('report', () => {
  it("gives, from a data file, the engine's review model numbers for the same data", async () => {
    const { code, out, err } = await runReport([
      '--data',
      dataFile,
      '--as-of',
      '2026-11-23',
      '--user',
      String(rep.Id),
      '--period',
      'month',
      '--format',
      'json'
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    // The engine's own entry point for a data file (c/reviewModel reviewModelFromDataSet), on a fresh copy.
    const model = modelFromDataSet(JSON.parse(JSON.stringify(dataSet)), {
      subjectUserIds: [String(rep.Id)],
      periodType: 'Month',
      asOf: '2026-11-23',
      kpis: menu.kpis,
      stagePolicy: stages.stages
    });
    expect(json.asOf).toBe('2026-11-23');
    expect(json.users).toEqual([rep.Id]);
    expect(json.period).toMatchObject({ type: 'Month', start: '2026-11-01', end: '2026-11-30' });
    expect(json.funnel.stages).toEqual(
      model.funnel.stages.map((s) => ({
        stage: s.stage,
        count: s.count,
        amount: s.amount,
        weightedAmount: s.weighted
      }))
    );
    expect(json.funnel.openCount).toBe(model.funnel.total.count);
    expect(json.funnel.openAmount).toBe(model.funnel.total.amount);
    expect(json.activity).toEqual({
      meetings: model.activity.total.meetings,
      customerFacingHours: model.activity.total.customerHours,
      calls: model.activity.total.calls,
      newOpportunities: model.activity.total.newOpportunities,
      newCustomerContacts: model.activity.total.newCustomerContacts
    });
    expect(
      json.kpis.map((k: Record<string, unknown>) => [
        k.key,
        k.value,
        k.target,
        k.attainmentPct,
        k.status
      ])
    ).toEqual(
      model.kpis.map((k) => [
        k.key,
        k.total.value,
        k.total.target,
        k.total.attainment,
        k.total.status
      ])
    );
    const measure = (key: string) => model.trust.measures.find((m) => m.key === key);
    expect(json.dataTrust.pastCloseDate.count).toBe(measure('pastCloseDate')?.count);
    expect(json.dataTrust.stalled.count).toBe(measure('stalled')?.count);
    // Every listed id is an open deal of the rep that carries the flag; the list is complete here.
    expect(json.idsComplete).toBe(true);
    for (const key of [
      'pastCloseDate',
      'notUpdated',
      'earlyStageClosingSoon',
      'stalled',
      'offersPastCheck'
    ]) {
      expect(json.dataTrust[key].ids).toHaveLength(json.dataTrust[key].count);
    }
    const byId = new Map(dataSet.records.Opportunity.map((o) => [o.Id, o]));
    for (const id of json.dataTrust.pastCloseDate.ids) {
      const opp = byId.get(id) as Record<string, unknown>;
      expect(opp).toMatchObject({ OwnerId: rep.Id, IsClosed: false });
      expect(String(opp.CloseDate) < '2026-11-23').toBe(true);
    }
    expect(json.funnel.openCount).toBe(
      dataSet.records.Opportunity.filter((o) => o.OwnerId === rep.Id && !o.IsClosed).length
    );
  });

  it('gives the same numbers from the org (GraphQL) as from the data file', async () => {
    const t = await startTestOrg({ reps: 4, opportunities: 300 });
    try {
      expect((await t.run(seed, [])).code).toBe(0);
      for (const who of [
        ['--user', String(rep.Id)],
        ['--team', String(manager.Username)]
      ]) {
        const args = [...who, '--as-of', '2026-11-23', '--period', 'quarter', '--format', 'json'];
        const fromOrg = await t.run(report, args);
        expect(fromOrg.io.err).toBe('');
        expect(fromOrg.code).toBe(0);
        const fromFile = await runReport(['--data', dataFile, ...args]);
        expect(JSON.parse(fromOrg.io.out)).toEqual(JSON.parse(fromFile.out));
        // Markdown too, amounts in the org's currency (Organization.DefaultCurrencyIsoCode).
        const markdown = args.slice(0, -2);
        const markdownFromOrg = (await t.run(report, markdown)).io.out;
        expect(markdownFromOrg).toContain('€');
        expect(markdownFromOrg).toBe((await runReport(['--data', dataFile, ...markdown])).out);
      }
      // Each of the four reports sends each of its plan's documents once (in parallel).
      expect(t.org.requests.filter((r) => r.path.endsWith('/graphql')).length).toBeLessThanOrEqual(
        4 * MAX_PLAN_DOCUMENTS
      );
      // An older year's menu in the org (other keys, as Key__c is unique) is not the menu in force.
      const oldMenuFile = join(dir, 'kpi-menu-2025.json');
      const wonKpi = menu.kpis.find((k: { key: string }) => k.key === 'deals_won');
      writeFileSync(
        oldMenuFile,
        JSON.stringify({
          ...menu,
          menuYear: 2025,
          kpis: [{ ...wonKpi, key: 'deals_won_2025', name: 'Deals won (2025 menu)' }]
        })
      );
      expect((await t.run(seed, ['--menu', oldMenuFile])).code).toBe(0);
      const inForce = await t.run(report, [
        '--user',
        String(rep.Id),
        '--as-of',
        '2026-11-23',
        '--format',
        'json'
      ]);
      const keys = JSON.parse(inForce.io.out).kpis.map((k: { key: string }) => k.key);
      expect(keys).toContain('deals_won');
      expect(keys).not.toContain('deals_won_2025');
    } finally {
      await t.close();
    }
  });

  it("reports a manager's team: everyone below them", async () => {
    const { code, out } = await runReport([
      '--data',
      dataFile,
      '--as-of',
      '2026-11-23',
      '--team',
      String(manager.Username),
      '--format',
      'json'
    ]);
    expect(code).toBe(0);
    const team = users.filter((u) => u.ManagerId === manager.Id).map((u) => u.Id);
    expect(JSON.parse(out).users).toEqual(expect.arrayContaining(team));
  });

  it('renders Markdown and CSV from the same numbers', async () => {
    const args = ['--data', dataFile, '--as-of', '2026-11-23', '--user', String(rep.Id)];
    const json = JSON.parse((await runReport([...args, '--format', 'json'])).out);
    const markdown = (await runReport(args)).out;
    expect(markdown).toMatch(new RegExp(`\\| Open total \\| ${json.funnel.openCount} \\|`));
    expect(markdown).toMatch(/^# Review: /);
    const csv = (await runReport([...args, '--format', 'csv'])).out.split('\n');
    expect(csv[0]).toBe('section,key,value,target,attainmentPct,status');
    expect(csv).toContain(`funnel,openCount,${json.funnel.openCount},,,`);
    expect(csv).toContain(`dataTrust,pastCloseDate,${json.dataTrust.pastCloseDate.count},,,`);
  });

  it("lists each person's row under the team's, formatted for the locale in Markdown and raw in JSON", async () => {
    const args = ['--data', dataFile, '--as-of', '2026-11-23', '--team', String(manager.Username)];
    const json = JSON.parse((await runReport([...args, '--format', 'json'])).out);
    const team = users.filter((u) => u.ManagerId === manager.Id);
    expect(json.people.map((p: { userId: string }) => p.userId).sort()).toEqual(
      team.map((u) => u.Id).sort()
    );
    const salesWon = (kpis: Array<{ key: string; value: number }>) =>
      kpis.find((k) => k.key === 'sales_won')?.value as number;
    const total = salesWon(json.kpis);
    // Raw in JSON: plain numbers that add up to the team's.
    const sum = json.people.reduce((a: number, p: { kpis: [] }) => a + salesWon(p.kpis), 0);
    expect(sum).toBeCloseTo(total, 6);

    const io = captureIo({ cwd: PROJECT_DIR, env: { LANG: 'de_DE.UTF-8' } });
    expect(await report(args, io)).toBe(0);
    const lines = io.out.split('\n');
    const euros = (value: number) =>
      new Intl.NumberFormat('de-DE', {
        style: 'currency',
        currency: 'EUR',
        maximumFractionDigits: 0
      }).format(value);
    const teamRow = lines.findIndex((line) => line.startsWith(`| Team | ${euros(total)} |`));
    expect(teamRow).toBeGreaterThan(0);
    json.people.forEach((person: { name: string; kpis: [] }, i: number) => {
      expect(lines[teamRow + 1 + i]).toContain(
        `| ${person.name} | ${euros(salesWon(person.kpis))} |`
      );
    });
    // A Percent KPI with one decimal, always written, as the scorecard writes it ("50,0 %").
    const winRate = json.kpis.find((k: { key: string }) => k.key === 'win_rate');
    const percent = new Intl.NumberFormat('de-DE', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1
    });
    expect(io.out).toContain(`| ${winRate.name} | ${percent.format(winRate.value / 100)} |`);
  });

  it('names the file and place of a malformed data file, and an unknown user', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "meta": { "asOf": "2026-11-23" },\n  "records": { "User": [ } }\n');
    const malformed = await runReport(['--data', bad, '--user', String(rep.Id)]);
    expect(malformed.code).toBe(2);
    expect(malformed.err).toMatch(/bad\.json:2:26: malformed JSON/);
    const unknown = await runReport(['--data', dataFile, '--user', 'nobody@acme.test']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/--user: no user with Id or Username "nobody@acme\.test"/);
  });
});
