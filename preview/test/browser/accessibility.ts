/**
 * Every page passes an axe-core check (WCAG 2.1 A and AA rules).
 */
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { browserTest, type BrowserTestContext } from '../harness/browserTest';
import { HOME_PATH } from '../../server/previewServer';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function assertAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const problems = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(' | ')}`
  );
  assert.deepEqual(problems, [], `axe found ${problems.length} violation(s)`);
}

function accountId(t: BrowserTestContext): string {
  const account = (t.preview.data.records.Account ?? [])[0];
  assert.ok(account, 'the data set has accounts');
  return String(account.Id);
}

export const tests = [
  browserTest('the Performance Review tab passes axe', async (t) => {
    await t.open(HOME_PATH, { user: t.people.manager.id });
    await assertAccessible(t.page);
  }),

  browserTest('the Accounts list passes axe', async (t) => {
    await t.open('/lightning/o/Account/list', { user: t.people.manager.id, c__listView: 'all' });
    await assertAccessible(t.page);
  }),

  browserTest('the Account record page passes axe', async (t) => {
    await t.open(`/lightning/r/Account/${accountId(t)}/view`, { user: t.people.rep.id });
    await assertAccessible(t.page);
  })
];
