import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run as seed } from '../seed';
import { configCopy, startTestOrg, type TestOrg } from '../../test-support/local-org';

const CONFIG_RECORDS = 28 + 8 + 9 + 58;

describe('seed against the local org (jsforce over HTTP)', () => {
  let t: TestOrg;
  beforeEach(async () => {
    t = await startTestOrg();
  });
  afterEach(() => t.close());

  const records = (object: string) => t.org.store.table(object).records;

  it('creates the menu, cadences with their agenda items and the stage policy in one write call', async () => {
    const { code, io } = await t.run(seed, []);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(records('SPM_KPI__c')).toHaveLength(28);
    expect(records('SPM_Stage_Policy__c')).toHaveLength(8);
    expect(records('SPM_Cadence__c')).toHaveLength(9);
    const cadence = records('SPM_Cadence__c').find((c) => c.Key__c === 'team-meeting');
    const items = records('SPM_Agenda_Item__c').filter((i) => i.Cadence__c === cadence?.Id);
    expect(items.length).toBeGreaterThan(0);
    expect(records('SPM_Agenda_Item__c')).toHaveLength(58);
    const kpi = records('SPM_KPI__c').find((k) => k.Key__c === 'win_rate');
    expect(JSON.parse(String(kpi?.Definition__c))).toEqual({
      measure: 'ratio',
      numerator: 'deals_won',
      denominator: 'deals_closed',
      scale: 100
    });
    // 103 records: ⌈103/200⌉ = 1 write call, counted by the server.
    expect(t.writeCalls()).toHaveLength(Math.ceil(CONFIG_RECORDS / 200));
    expect(io.out).toMatch(/SPM_KPI__c: 28 to create, 0 to update, 0 unchanged/);
  });

  it('writes nothing the second time', async () => {
    await t.run(seed, []);
    const before = t.serialize();
    const mark = t.org.requests.length;
    const { code, io } = await t.run(seed, []);
    expect(code).toBe(0);
    expect(t.writeCalls(mark)).toEqual([]);
    expect(t.serialize()).toBe(before);
    expect(io.out).toMatch(/SPM_Agenda_Item__c: 0 to create, 0 to update, 58 unchanged/);
  });

  it('updates only what changed in the files, field by field', async () => {
    await t.run(seed, []);
    const before = new Map(
      Object.entries({ kpi: records('SPM_KPI__c'), item: records('SPM_Agenda_Item__c') }).flatMap(
        ([, list]) => list.map((r) => [r.Key__c, JSON.stringify(r)])
      )
    );
    const config = configCopy({
      menu: (menu) => {
        const kpi = menu.kpis.find((k) => k.key === 'win_rate');
        if (kpi?.thresholds) kpi.thresholds.green = 101;
      },
      cadences: (file) => {
        file.cadences[0].agenda[0].title = 'Which numbers can we trust?';
      }
    });
    const mark = t.org.requests.length;
    const { code, io } = await t.run(seed, [...config.args, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(io.out);
    expect(result.diff).toEqual([
      {
        type: 'SPM_KPI__c',
        key: 'win_rate',
        action: 'update',
        changes: [{ field: 'Green_Threshold__c', from: expect.any(Number), to: 101 }]
      },
      {
        type: 'SPM_Agenda_Item__c',
        key: 'tm-trust',
        action: 'update',
        changes: [{ field: 'Name', from: expect.any(String), to: 'Which numbers can we trust?' }]
      }
    ]);
    expect(t.writeCalls(mark)).toHaveLength(1);
    const changed = [...records('SPM_KPI__c'), ...records('SPM_Agenda_Item__c')]
      .filter((r) => before.get(String(r.Key__c)) !== JSON.stringify(r))
      .map((r) => r.Key__c);
    expect(changed.sort()).toEqual(['tm-trust', 'win_rate']);
    expect(records('SPM_KPI__c').find((k) => k.Key__c === 'win_rate')?.Green_Threshold__c).toBe(
      101
    );
  });

  it('writes nothing on a dry run, but shows the diff', async () => {
    const before = t.serialize();
    const { code, io } = await t.run(seed, ['--dry-run']);
    expect(code).toBe(0);
    expect(io.out).toMatch(/SPM_KPI__c: 28 to create/);
    expect(io.out).toMatch(/Dry run: nothing was written/);
    expect(t.writeCalls()).toEqual([]);
    expect(t.serialize()).toBe(before);
  });

  describe('stops before any write on bad input, naming file and place', () => {
    it.each([
      [
        'malformed JSON',
        (dir: string) =>
          writeFileSync(
            join(dir, 'kpi-menu.json'),
            '{\n  "menuYear": 2026,\n  "kpis": [\n    { "key": "a" },,\n  ]\n}\n'
          ),
        /kpi-menu\.json:4:20: malformed JSON/
      ],
      [
        'a wrong type',
        (dir: string) => {
          const c = configCopy({
            cadences: (f) =>
              ((f.cadences[1] as unknown as Record<string, unknown>).durationMinutes = '45')
          });
          writeFileSync(join(dir, 'cadences.json'), readFileSync(join(c.dir, 'cadences.json')));
        },
        /cadences\.json:cadences\[1\]\{individual-coaching\}\.durationMinutes: .*number/
      ],
      [
        'a duplicate key',
        (dir: string) => {
          const c = configCopy({
            stagePolicy: (f) => f.stages.push({ ...f.stages[0], sortOrder: 99 })
          });
          writeFileSync(
            join(dir, 'stage-policy.json'),
            readFileSync(join(c.dir, 'stage-policy.json'))
          );
        },
        /stage-policy\.json:stages\[8\]\{Prospecting\}\.stage: repeats stage "Prospecting" of stages\[0\]/
      ],
      [
        'a definition the engine rejects',
        (dir: string) => {
          const c = configCopy({
            menu: (m) =>
              (m.kpis[0].definition = { object: 'Opportunity', measure: 'sum', field: 'Nope__c' })
          });
          writeFileSync(join(dir, 'kpi-menu.json'), readFileSync(join(c.dir, 'kpi-menu.json')));
        },
        /kpi-menu\.json:kpis\[0\]\{sales_won\}\.definition\.field: must name a field of Opportunity \(got "Nope__c"\)/
      ]
    ])('%s', async (_name, spoil, message) => {
      await t.run(seed, []);
      const before = t.serialize();
      const mark = t.org.requests.length;
      const config = configCopy();
      spoil(config.dir);
      const { code, io } = await t.run(seed, config.args);
      expect(code).toBe(2);
      expect(io.err).toMatch(/Invalid input, nothing was written/);
      expect(io.err).toMatch(message);
      expect(t.org.requests.length).toBe(mark);
      expect(t.serialize()).toBe(before);
    });
  });

  it('rides out a 503, REQUEST_LIMIT_EXCEEDED, a dropped connection and a locked row without duplicating', async () => {
    t.org.faults.inject({ kind: 'unavailable', path: '/composite/sobjects' });
    t.org.faults.inject({ kind: 'requestLimit', path: '/composite/sobjects' });
    t.org.faults.inject({ kind: 'drop', path: '/composite/sobjects' });
    t.org.faults.inject({ kind: 'drop', path: '/query' });
    t.org.faults.inject({ kind: 'lockRow', path: '/composite/sobjects', records: 3 });
    const { code, io } = await t.run(seed, []);
    expect(io.err).toMatch(/HTTP 503|SERVER_UNAVAILABLE/);
    expect(io.err).toMatch(/REQUEST_LIMIT_EXCEEDED/);
    expect(io.err).toMatch(/connection/);
    expect(io.err).toMatch(/locked rows/);
    expect(code).toBe(0);
    const keys = [
      ...records('SPM_KPI__c'),
      ...records('SPM_Agenda_Item__c'),
      ...records('SPM_Cadence__c'),
      ...records('SPM_Stage_Policy__c')
    ].map((r) => r.Key__c);
    expect(keys).toHaveLength(CONFIG_RECORDS);
    expect(new Set(keys).size).toBe(CONFIG_RECORDS);
    expect(t.org.faults.pending()).toEqual([]);
    // A second run finds everything in place.
    const mark = t.org.requests.length;
    expect((await t.run(seed, [])).code).toBe(0);
    expect(t.writeCalls(mark)).toEqual([]);
  });

  it('writes the other records when one fails permanently, and reports it by key with a non-zero exit', async () => {
    t.org.faults.failRecord({ key: 'win_rate' });
    t.org.faults.failRecord({ key: 'ic-top5' });
    const { code, io } = await t.run(seed, []);
    expect(code).toBe(1);
    expect(io.err).toMatch(
      /2 records failed:\n {2}SPM_KPI__c win_rate: FIELD_CUSTOM_VALIDATION_EXCEPTION/
    );
    expect(io.err).toMatch(/SPM_Agenda_Item__c ic-top5: FIELD_CUSTOM_VALIDATION_EXCEPTION/);
    expect(records('SPM_KPI__c').map((k) => k.Key__c)).not.toContain('win_rate');
    expect(records('SPM_KPI__c')).toHaveLength(27);
    expect(records('SPM_Agenda_Item__c')).toHaveLength(57);
  });

  it('seeds N records in ⌈N/200⌉ write calls or fewer', async () => {
    const N_KPIS = 450;
    const config = configCopy({
      menu: (menu) => {
        const template = menu.kpis.find((k) => k.key === 'deals_won');
        for (let i = menu.kpis.length; i < N_KPIS; i += 1)
          menu.kpis.push({
            ...template!,
            key: `extra_kpi_${i}`,
            name: `Extra ${i}`,
            sortOrder: 1000 + i
          });
      }
    });
    const { code } = await t.run(seed, config.args);
    expect(code).toBe(0);
    const n = N_KPIS + 8 + 9 + 58;
    expect(records('SPM_KPI__c')).toHaveLength(N_KPIS);
    expect(t.writeCalls().length).toBeLessThanOrEqual(Math.ceil(n / 200));
    // Changing every KPI: 450 updates of one object.
    const changed = configCopy({
      menu: (menu) => {
        const template = menu.kpis.find((k) => k.key === 'deals_won');
        for (let i = menu.kpis.length; i < N_KPIS; i += 1)
          menu.kpis.push({
            ...template!,
            key: `extra_kpi_${i}`,
            name: `Extra ${i}`,
            sortOrder: 1000 + i
          });
        for (const kpi of menu.kpis) kpi.description = 'Reviewed for 2027';
      }
    });
    const mark = t.org.requests.length;
    expect((await t.run(seed, changed.args)).code).toBe(0);
    expect(t.writeCalls(mark).length).toBeLessThanOrEqual(Math.ceil(N_KPIS / 200));
  });
});
