/**
 * The journeys of a manager and a rep (README.md), walked in the browser on the preview's local org:
 * a manager's review of a rep (the trust numbers equal `npm run report` for the same data and
 * day; an action agreed in the review is there after a reload) and a rep snoozing a flag with a
 * reason from the coaching panel on an Account page.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { browserTest, type BrowserTestContext } from '../harness/browserTest';
import { sampleCadences } from '../harness/cadences';
import { recordFields, runReport } from '../harness/orgCalls';
import { addDays, choose, chosen, label, typedDate } from '../harness/uiText';
import { HOME_PATH } from '../../server/previewServer';
import type { OrgUser } from '../../server/users';

/** The one-to-one and the performance coaching of the cadence templates (config/cadences.json). */
const ONE_TO_ONE_MEETING_TYPE = 'Individual coaching';
const PERFORMANCE_MEETING_TYPE = 'Performance coaching';
/** Trust measures of the panel (row `data-key`) and their names in `report`'s JSON. */
const TRUST_COUNTS = [
  { row: 'pastCloseDate', report: 'pastCloseDate' },
  { row: 'notUpdated', report: 'notUpdated' },
  { row: 'earlyStageClosingSoon', report: 'earlyStageClosingSoon' },
  { row: 'stalled', report: 'stalled' }
] as const;

/** The name of the reps' cadence of a meeting type. */
function cadenceName(meetingType: string): string {
  const cadence = sampleCadences().find((c) => c.meetingType === meetingType && c.level === 'Rep');
  assert.ok(cadence, `config/cadences.json has a ${meetingType} cadence for reps`);
  return cadence.name;
}

/** A direct report of `manager` (by name), to review. */
function reportOf(t: BrowserTestContext, manager: OrgUser): OrgUser {
  const rep = t.people.all.find((user) => user.managerId === manager.id && user.persona === 'Rep');
  assert.ok(rep, `${manager.name} has a rep reporting to them`);
  return rep;
}

/** Opens the review as `manager` on `rep`'s one-to-one and waits for its numbers. */
async function openOneToOne(t: BrowserTestContext, manager: OrgUser, rep: OrgUser): Promise<void> {
  await t.open(HOME_PATH, { user: manager.id });
  await choose(t.page, label('SPM_Workspace_Person'), rep.name);
  await choose(t.page, label('SPM_Workspace_Meeting'), cadenceName(ONE_TO_ONE_MEETING_TYPE));
  await t.waitForReady();
  // The agenda shows its panels once the review's data has arrived.
  await t.page.locator('tr.measure-row[data-key="pastCloseDate"]').first().waitFor();
}

function trustRow(scope: Locator | Page, key: string): Locator {
  return scope.locator(`tr.measure-row[data-key="${key}"]`).first();
}

export const tests = [
  browserTest(
    "a manager's one-to-one with a rep shows the sales won and trust numbers `npm run report -- -o local` gives, without --as-of",
    async (t) => {
      const manager = t.people.manager;
      const rep = reportOf(t, manager);
      await openOneToOne(t, manager, rep);
      await t.screenshot('review-one-to-one');

      // No --as-of: the report takes the local org's day, which is the day the preview shows.
      const { asOf, dataTrust, kpis } = await runReport(t.preview.org, rep.id);
      assert.equal(asOf, t.preview.data.meta.asOf);
      for (const measure of TRUST_COUNTS) {
        const shown = (
          await trustRow(t.page, measure.row).locator('.measure-value').innerText()
        ).trim();
        assert.equal(
          Number(shown.replace(/[^\d-]/g, '')),
          dataTrust[measure.report].count,
          `${measure.row}: panel ${shown}`
        );
      }
      const deviation = (
        await trustRow(t.page, 'forecastDeviation').locator('.measure-value').innerText()
      ).trim();
      if (dataTrust.forecastDeviationPct === null) {
        assert.equal(deviation, '—', 'no forecast deviation without a forecast');
      } else {
        assert.equal(
          Number.parseFloat(deviation.replace(/[^\d.,-]/g, '').replace(',', '.')),
          Math.round(dataTrust.forecastDeviationPct * 10) / 10
        );
      }

      // Sales won: the rep's scorecard in their performance coaching (the same month), where the
      // Targets focus shows it above the line.
      await choose(t.page, label('SPM_Workspace_Meeting'), cadenceName(PERFORMANCE_MEETING_TYPE));
      const salesWon = kpis.find((kpi) => kpi.key === 'sales_won');
      assert.ok(salesWon && salesWon.value !== null, 'the report has a sales won value');
      const wonCell = t.page
        .locator('article[data-focus="Targets"] tr.kpi-row[data-key="sales_won"] td.value')
        .first();
      await wonCell.waitFor();
      const shownWon = (await wonCell.innerText()).trim();
      assert.equal(
        Number(shownWon.replace(/[^\d-]/g, '')),
        Math.round(salesWon.value),
        `sales won: scorecard ${shownWon}`
      );
    }
  ),

  browserTest(
    'an action saved in a meeting survives a switch of person and a reload, which keeps person and meeting; Record review lists its actions',
    async (t) => {
      const manager = t.people.manager;
      const rep = reportOf(t, manager);
      const meeting = cadenceName(ONE_TO_ONE_MEETING_TYPE);
      const personLabel = label('SPM_Workspace_Person');
      const meetingLabel = label('SPM_Workspace_Meeting');
      await openOneToOne(t, manager, rep);
      const openActions = t.page.locator('article[data-focus="Open actions"]');
      const agreeActions = t.page.locator('article[data-focus="Agree actions"]');

      const saveAction = async (name: string) => {
        await agreeActions.getByRole('button', { name: label('SPM_Actions_New') }).click();
        const form = agreeActions.locator('.action-form');
        await form.getByLabel(label('SPM_Action_Name')).fill(name);
        await form
          .getByLabel(label('SPM_Action_Due'))
          .fill(typedDate(addDays(t.preview.data.meta.asOf, 7), manager.localeSidKey));
        await form.getByLabel(label('SPM_Action_Due')).press('Tab');
        await form.getByRole('button', { name: label('SPM_Action_Save'), exact: true }).click();
        // Saved at once: listed as agreed in this meeting.
        await agreeActions.locator('li.agreed-action').filter({ hasText: name }).waitFor();
      };

      // Saved, not recorded: another person and back, and it is among the rep's open actions.
      const saved = `Call back the buyer of the largest deal (${Date.now()})`;
      await saveAction(saved);
      await choose(t.page, personLabel, label('SPM_Person_WholeTeam', manager.name));
      await choose(t.page, personLabel, rep.name);
      await choose(t.page, meetingLabel, meeting);
      await openActions.locator('li.action').filter({ hasText: saved }).waitFor();

      // Recorded: the review's actions are listed right after.
      const recorded = `Send the revised offer (${Date.now()})`;
      await saveAction(recorded);
      await t.page
        .getByRole('button', { name: label('SPM_Workspace_Record') })
        .last()
        .click();
      await t.page.locator('.recorded-actions li').filter({ hasText: recorded }).waitFor();

      // A reload opens the same person and meeting, with both actions open.
      await t.page.reload();
      await t.waitForReady();
      assert.equal(await chosen(t.page, personLabel), rep.name);
      assert.equal(await chosen(t.page, meetingLabel), meeting);
      for (const name of [saved, recorded])
        await openActions.locator('li.action').filter({ hasText: name }).waitFor();
      await t.screenshot('review-actions-after-reload');
    }
  ),

  browserTest(
    'a rep snoozes a flag with a reason on an account, and it stays snoozed after a reload',
    async (t) => {
      const { rep } = t.people;
      const asOf = t.preview.data.meta.asOf;
      const deal = (t.preview.data.records.Opportunity ?? []).find(
        (opportunity) =>
          opportunity.OwnerId === rep.id &&
          opportunity.IsClosed === false &&
          String(opportunity.CloseDate) < asOf &&
          !opportunity.SPM_Flag_Snoozed_Until__c
      );
      assert.ok(deal, `${rep.name} has an open deal past its close date`);
      const dealName = String(deal.Name);
      const until = addDays(asOf, 21);
      const reason = 'Customer on holiday; decision expected after their return';

      await t.open(`/lightning/r/Account/${String(deal.AccountId)}/view`, { user: rep.id });
      await t.page
        .getByRole('button', { name: label('SPM_Trust_PastCloseDate'), exact: true })
        .click();
      await t.page.getByRole('button', { name: label('SPM_Snooze_FlagFor', dealName) }).click();
      const form = t.page.locator('section.snooze-form');
      await form.getByLabel(label('SPM_Snooze_Until')).fill(typedDate(until, rep.localeSidKey));
      await form.getByLabel(label('SPM_Snooze_Until')).press('Tab');
      await form.getByLabel(label('SPM_Snooze_Reason')).fill(reason);
      await form.getByRole('button', { name: label('SPM_Snooze_Save'), exact: true }).click();
      await t.page
        .locator('.slds-notify_toast')
        .filter({ hasText: label('SPM_Snooze_Done') })
        .waitFor();

      const stored = await recordFields(t.preview.org, String(deal.Id), [
        'Opportunity.SPM_Flag_Snoozed_Until__c',
        'Opportunity.SPM_Flag_Snooze_Reason__c'
      ]);
      assert.equal(stored.SPM_Flag_Snoozed_Until__c, until, 'the org holds the snooze date');
      assert.equal(stored.SPM_Flag_Snooze_Reason__c, reason, 'the org holds the reason');

      await t.page.reload();
      await t.waitForReady();
      const snoozed = t.page.locator('section.snoozed');
      await snoozed.waitFor();
      const row = snoozed.locator('tr').filter({ hasText: dealName });
      assert.match(await row.innerText(), new RegExp(reason));
      await t.screenshot('account-flag-snoozed');
    }
  )
];
