import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSampleData } from './generate';
import { STAGE_BY_NAME } from './stages';
import type { SampleDataSet, SObjectRecord } from './types';
import { readSampleData, serializeSampleData, writeSampleData } from './write';

const text = (data: SampleDataSet): string => [...serializeSampleData(data)].join('');
const ROOT = join(__dirname, '..');
const DAY = 86_400_000;

describe('sample data generator', () => {
  const data = generateSampleData();
  const asOf = data.meta.asOf;
  const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
  const opps = data.records.Opportunity;
  const open = opps.filter((o) => o.IsClosed === false);

  it('gives byte-identical output for the same options and different output for another seed', () => {
    const again = generateSampleData({ seed: 42 });
    expect(text(again)).toBe(text(data));
    expect(text(generateSampleData({ seed: 43 }))).not.toBe(text(data));
  });

  it('writes the file the npm script writes, byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacer-sample-'));
    try {
      // One run of the CLI: the bytes it writes equal the in-memory serialisation, which the test
      // above shows to be the same on every run (a second process would only repeat that).
      execFileSync(
        join(ROOT, 'node_modules', '.bin', 'tsx'),
        [
          'scripts/sample-data.ts',
          '--seed',
          '7',
          '--reps',
          '3',
          '--opportunities',
          '300',
          '--out',
          join(dir, 'a.json')
        ],
        { stdio: 'pipe', cwd: ROOT }
      );
      const a = readFileSync(join(dir, 'a.json'));
      expect(a.toString('utf8')).toBe(
        text(generateSampleData({ seed: 7, reps: 3, opportunities: 300 }))
      );
      expect(readSampleData(join(dir, 'a.json')).records.Opportunity).toHaveLength(300);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('streams the same bytes to a file as it serialises in memory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacer-sample-'));
    try {
      const small = generateSampleData({ reps: 2, opportunities: 50 });
      await writeSampleData(small, join(dir, 's.json'));
      expect(readFileSync(join(dir, 's.json'), 'utf8')).toBe(text(small));
      expect(JSON.parse(text(small))).toEqual(small);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds a director, managers and reps linked by ManagerId, without cycles', () => {
    const users = data.records.User;
    expect(users).toHaveLength(15);
    const byId = new Map(users.map((u) => [u.Id, u]));
    const tops = users.filter((u) => u.ManagerId === null);
    expect(tops).toHaveLength(1);
    expect(tops[0].Title).toBe('Sales Director');
    for (const user of users) {
      let depth = 0;
      for (
        let u: SObjectRecord | undefined = user;
        u?.ManagerId;
        u = byId.get(u.ManagerId as string)
      ) {
        expect(byId.has(u.ManagerId as string)).toBe(true);
        depth += 1;
        expect(depth).toBeLessThan(5);
      }
    }
    expect(users.filter((u) => u.Title === 'Account Executive')).toHaveLength(12);
    expect(new Set(users.map((u) => u.Username)).size).toBe(users.length);
  });

  it('references only records that exist', () => {
    const ids = (name: string) => new Set(data.records[name].map((r) => r.Id));
    const users = ids('User');
    const accounts = ids('Account');
    const oppIds = ids('Opportunity');
    expect(data.records.Account.filter((a) => !users.has(a.OwnerId))).toEqual([]);
    expect(opps.filter((o) => !users.has(o.OwnerId) || !accounts.has(o.AccountId))).toEqual([]);
    expect(data.records.OpportunityHistory.filter((h) => !oppIds.has(h.OpportunityId))).toEqual([]);
    const activities = [...data.records.Task, ...data.records.Event];
    expect(
      activities.filter(
        (a) =>
          !users.has(a.OwnerId) ||
          !accounts.has(a.AccountId) ||
          !(oppIds.has(a.WhatId) || accounts.has(a.WhatId))
      )
    ).toEqual([]);
  });

  it('keeps stage history in agreement with each opportunity', () => {
    const history = new Map<string, SObjectRecord[]>();
    for (const h of data.records.OpportunityHistory) {
      const list = history.get(h.OpportunityId as string) ?? [];
      list.push(h);
      history.set(h.OpportunityId as string, list);
    }
    const problems: string[] = [];
    for (const opp of opps) {
      const rows = history.get(opp.Id as string) ?? [];
      const fail = (why: string) => problems.push(`${String(opp.Id)}: ${why}`);
      if (rows.length === 0) {
        fail('no history');
        continue;
      }
      for (let i = 1; i < rows.length; i++)
        if (String(rows[i].CreatedDate) <= String(rows[i - 1].CreatedDate))
          fail('history out of order');
      const last = rows[rows.length - 1];
      if (rows[0].CreatedDate !== opp.CreatedDate) fail('first row is not the creation');
      for (const field of ['StageName', 'Amount', 'Probability', 'CloseDate'])
        if (last[field] !== opp[field]) fail(`last row ${field} differs`);
      const stage = STAGE_BY_NAME.get(opp.StageName as string)!;
      if (last.ForecastCategory !== stage.historyForecastCategory)
        fail('history forecast category');
      if (
        opp.IsClosed !== stage.isClosed ||
        opp.IsWon !== stage.isWon ||
        opp.ForecastCategoryName !== stage.forecastCategoryName
      )
        fail('stage-derived fields');
      const changes = rows.filter((r, i) => i > 0 && r.StageName !== rows[i - 1].StageName);
      if (
        opp.LastStageChangeDate !==
        (changes.length > 0 ? changes[changes.length - 1].CreatedDate : null)
      )
        fail('LastStageChangeDate');
      if (String(opp.LastModifiedDate) < String(last.CreatedDate))
        fail('modified before its last history row');
      if (Date.parse(String(opp.LastModifiedDate)) >= asOfMs) fail('modified after the snapshot');
    }
    expect(problems).toEqual([]);
    expect(
      opps.some((o) =>
        (history.get(o.Id as string) ?? []).some(
          (r, i, rows) => i > 0 && r.StageName === rows[i - 1].StageName
        )
      )
    ).toBe(true);
  });

  it('closes deals only in the past, and has won and lost deals in every quarter of the last two years', () => {
    const closed = opps.filter((o) => o.IsClosed === true);
    expect(closed.filter((o) => String(o.CloseDate) > asOf)).toEqual([]);
    for (let q = 0; q < 8; q++) {
      const to = new Date(asOfMs - q * 91 * DAY).toISOString().slice(0, 10);
      const from = new Date(asOfMs - (q + 1) * 91 * DAY).toISOString().slice(0, 10);
      const inQuarter = closed.filter(
        (o) => String(o.CloseDate) >= from && String(o.CloseDate) < to
      );
      expect(inQuarter.some((o) => o.IsWon === true)).toBe(true);
      expect(inQuarter.some((o) => o.IsWon === false)).toBe(true);
    }
    const winRate = closed.filter((o) => o.IsWon).length / closed.length;
    expect(winRate).toBeGreaterThan(0.2);
    expect(winRate).toBeLessThan(0.45);
  });

  it('has data-trust problems at realistic rates', () => {
    const share = (list: SObjectRecord[], test: (o: SObjectRecord) => boolean) =>
      list.filter(test).length / list.length;
    const staleBefore = new Date(asOfMs - 60 * DAY).toISOString();
    const soon = new Date(asOfMs + 30 * DAY).toISOString().slice(0, 10);
    const pastClose = share(open, (o) => String(o.CloseDate) < asOf);
    const stale = share(open, (o) => String(o.LastModifiedDate) < staleBefore);
    const earlySoon = share(
      open,
      (o) =>
        String(o.CloseDate) >= asOf &&
        String(o.CloseDate) <= soon &&
        STAGE_BY_NAME.get(String(o.StageName))!.early
    );
    const offers = open.filter((o) => o.SPM_Offer_Check_Date__c !== null);
    const pastCheck = share(offers, (o) => String(o.SPM_Offer_Check_Date__c) < asOf);
    const snoozed = share(
      open,
      (o) => o.SPM_Flag_Snoozed_Until__c !== null && String(o.SPM_Flag_Snoozed_Until__c) >= asOf
    );
    expect(open.length / opps.length).toBeGreaterThan(0.08);
    expect(pastClose).toBeGreaterThan(0.05);
    expect(pastClose).toBeLessThan(0.3);
    expect(stale).toBeGreaterThan(0.05);
    expect(stale).toBeLessThan(0.4);
    expect(earlySoon).toBeGreaterThan(0.01);
    expect(earlySoon).toBeLessThan(0.2);
    expect(offers.length).toBeGreaterThan(10);
    expect(pastCheck).toBeGreaterThan(0.1);
    expect(pastCheck).toBeLessThan(0.9);
    expect(snoozed).toBeGreaterThan(0);
    expect(snoozed).toBeLessThan(0.1);
    for (const o of open.filter((x) => x.SPM_Flag_Snoozed_Until__c !== null))
      expect(o.SPM_Flag_Snooze_Reason__c).toEqual(expect.any(String));
  });

  it('logs calls, emails and meetings with durations, done in the past and planned ahead', () => {
    const tasks = data.records.Task;
    const events = data.records.Event;
    expect(tasks.filter((t) => t.TaskSubtype === 'Call').length).toBeGreaterThan(1000);
    expect(tasks.filter((t) => t.TaskSubtype === 'Email').length).toBeGreaterThan(1000);
    expect(events.length).toBeGreaterThan(1000);
    expect(
      tasks.filter(
        (t) => t.Status !== (String(t.ActivityDate) < asOf ? 'Completed' : 'Not Started')
      )
    ).toEqual([]);
    expect(
      events.filter(
        (e) =>
          Date.parse(String(e.EndDateTime)) - Date.parse(String(e.StartDateTime)) !==
            Number(e.DurationInMinutes) * 60_000 || String(e.CreatedDate) > String(e.StartDateTime)
      )
    ).toEqual([]);
    expect(events.some((e) => String(e.ActivityDate) >= asOf)).toBe(true);
    const lastActivity = new Map<string, string>();
    for (const a of [...tasks, ...events]) {
      const day = String(a.ActivityDate);
      if (
        String(a.WhatId).startsWith('006') &&
        day < asOf &&
        day > (lastActivity.get(String(a.WhatId)) ?? '')
      )
        lastActivity.set(String(a.WhatId), day);
    }
    expect(
      opps.filter((o) => o.LastActivityDate !== (lastActivity.get(String(o.Id)) ?? null))
    ).toEqual([]);
    expect(opps.filter((o) => o.LastActivityDate !== null).length).toBeGreaterThan(opps.length / 2);
  });

  it('scales by options and rejects options that make no sense, naming them', () => {
    const big = generateSampleData({
      reps: 30,
      opportunities: 20_000,
      activitiesPerRepPerWeek: 20
    });
    expect(big.records.User).toHaveLength(1 + 5 + 30);
    expect(big.records.Opportunity).toHaveLength(20_000);
    expect(big.records.Task.length + big.records.Event.length).toBeGreaterThan(50_000);
    expect(() => generateSampleData({ reps: 0 })).toThrow(/reps/);
    expect(() => generateSampleData({ asOf: '2026-02-30' })).toThrow(/asOf/);
    expect(() => generateSampleData({ orgTimeZone: 'Mars/Olympus' })).toThrow(/orgTimeZone/);
  });
});
