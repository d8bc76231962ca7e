/**
 * Moving between pages as a user does: from the Accounts list to an Account record page.
 */
import assert from 'node:assert/strict';
import { browserTest } from '../harness/browserTest';

export const tests = [
  browserTest(
    'clicking an account in the list opens its record page as the same user',
    async (t) => {
      const { manager } = t.people;
      await t.open('/lightning/o/Account/list', { user: manager.id, c__listView: 'all' });
      const link = t.page.locator('lightning-datatable tbody tr').nth(2).locator('a');
      const name = (await link.innerText()).trim();
      await Promise.all([
        t.page.waitForURL(/\/lightning\/r\/Account\/001\w{15}\/view/),
        link.click()
      ]);
      await t.waitForReady();
      const url = new URL(t.page.url());
      assert.equal(url.searchParams.get('user'), manager.id, 'the user stays the same');
      const id = url.pathname.split('/')[4];
      const account = (t.preview.data.records.Account ?? []).find((record) => record.Id === id);
      assert.ok(account, `the page is the record page of an account of the data set (${id})`);
      assert.equal(account.Name, name);
      assert.equal((await t.page.locator('[data-id="account-name"]').innerText()).trim(), name);
      assert.equal(await t.page.title(), `${name} | Account | Pacer`);
    }
  )
];
