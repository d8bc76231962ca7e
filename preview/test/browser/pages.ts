/**
 * Each preview page loads as a real user would open it, with no console errors (the harness
 * fails any test whose page logged one), and is saved as a screenshot.
 */
import assert from 'node:assert/strict';
import { browserTest } from '../harness/browserTest';
import { HOME_PATH } from '../../server/previewServer';

/** Rows on the first page of a list view (preview/app/modules/preview/accountListPage). */
const LIST_PAGE_SIZE = 50;

function firstAccount(records: Record<string, unknown>[] | undefined): {
  Id: string;
  Name: string;
} {
  const accounts = [...(records ?? [])].sort((a, b) =>
    String(a.Name).localeCompare(String(b.Name))
  );
  assert.ok(accounts.length, 'the data set has accounts');
  return { Id: String(accounts[0].Id), Name: String(accounts[0].Name) };
}

export const tests = [
  browserTest('/ opens the Performance Review tab', async (t) => {
    await t.page.goto(`${t.preview.url}/`);
    await t.waitForReady();
    assert.equal(new URL(t.page.url()).pathname, HOME_PATH);
    assert.equal(await t.page.title(), 'Performance Review | Pacer');
  }),

  browserTest(
    'the Performance Review tab hosts its component, or says it is not built yet',
    async (t) => {
      await t.open(HOME_PATH, { user: t.people.manager.id });
      const hosted = t.preview.build.pageComponents.find((page) => page.page === 'reviewTab');
      assert.ok(hosted, 'the build names the review tab component');
      if (hosted.exists) {
        assert.equal(await t.page.locator(hosted.tag).count(), 1, `${hosted.tag} is on the page`);
      } else {
        const card = t.page.locator('[data-id="not-built"]');
        await card.waitFor();
        assert.match(
          await card.innerText(),
          new RegExp(`Component not built yet[\\s\\S]*${hosted.tag}`)
        );
      }
      await t.screenshot('review-tab');
    }
  ),

  browserTest('the Accounts list shows the accounts with their owners', async (t) => {
    await t.open('/lightning/o/Account/list', { user: t.people.manager.id, c__listView: 'all' });
    const rows = t.page.locator('lightning-datatable tbody tr');
    const accounts = t.preview.data.records.Account ?? [];
    assert.equal(
      await rows.count(),
      Math.min(accounts.length, LIST_PAGE_SIZE),
      'one row per account, first page'
    );
    const first = firstAccount(accounts);
    assert.equal(
      (await rows.first().locator('a').innerText()).trim(),
      first.Name,
      'sorted by name'
    );
    assert.match(await t.page.locator('[data-id="item-count"]').innerText(), /^\d+\+? items/);
    await t.screenshot('account-list');
  }),

  browserTest(
    'an Account record page shows the account and hosts the coaching panel, or says it is not built yet',
    async (t) => {
      const account = firstAccount(t.preview.data.records.Account);
      await t.open(`/lightning/r/Account/${account.Id}/view`, { user: t.people.rep.id });
      assert.equal(
        (await t.page.locator('[data-id="account-name"]').innerText()).trim(),
        account.Name
      );
      const hosted = t.preview.build.pageComponents.find(
        (page) => page.page === 'accountRecordPage'
      );
      assert.ok(hosted, 'the build names the Account record page component');
      if (hosted.exists) {
        const panel = t.page.locator(hosted.tag);
        assert.equal(await panel.count(), 1, `${hosted.tag} is on the page`);
        assert.equal(
          await panel.evaluate((element) => (element as unknown as { recordId?: string }).recordId),
          account.Id
        );
      } else {
        assert.match(
          await t.page.locator('[data-id="not-built"]').innerText(),
          new RegExp(hosted.tag)
        );
      }
      await t.screenshot('account-record-page');
    }
  )
];
