/**
 * The page header: choosing whom the page runs as (remembered in the URL, and what
 * `@salesforce/user/Id` and the data follow), the locale, and the toasts components raise.
 */
import assert from 'node:assert/strict';
import { browserTest } from '../harness/browserTest';
import { HOME_PATH } from '../../server/previewServer';

/** Rows on the first page of a list view (preview/app/modules/preview/accountListPage). */
const LIST_PAGE_SIZE = 50;

export const tests = [
  browserTest(
    'switching the user in the header reloads the page as that user and keeps them across pages',
    async (t) => {
      const { manager, rep } = t.people;
      await t.open(HOME_PATH, { user: manager.id });
      const switcher = t.page.locator('[data-id="user-switcher"]');
      assert.match(
        await switcher.locator('.slds-combobox__input').innerText(),
        new RegExp(manager.name)
      );

      await switcher.locator('.slds-combobox__input').click();
      await Promise.all([
        t.page.waitForURL((url) => url.searchParams.get('user') === rep.id),
        switcher.getByRole('option', { name: new RegExp(`^${rep.name} · Rep`) }).click()
      ]);
      await t.waitForReady();
      assert.match(
        await switcher.locator('.slds-combobox__input').innerText(),
        new RegExp(rep.name)
      );

      // The navigation keeps the user; a rep's account list opens on their own accounts.
      await Promise.all([
        t.page.waitForURL(/\/lightning\/o\/Account\/list/),
        t.page.getByRole('link', { name: 'Accounts' }).click()
      ]);
      await t.waitForReady();
      assert.equal(new URL(t.page.url()).searchParams.get('user'), rep.id);
      const owners = await t.page
        .locator('lightning-datatable tbody tr td[data-label="Account Owner"]')
        .allInnerTexts();
      const repAccounts = (t.preview.data.records.Account ?? []).filter(
        (account) => account.OwnerId === rep.id
      );
      assert.ok(repAccounts.length > 0, 'the rep owns accounts');
      assert.equal(
        owners.length,
        Math.min(repAccounts.length, LIST_PAGE_SIZE),
        "one row per account of the rep's"
      );
      assert.deepEqual([...new Set(owners.map((owner) => owner.trim()))], [rep.name]);

      await t.page.reload();
      await t.waitForReady();
      assert.match(
        await switcher.locator('.slds-combobox__input').innerText(),
        new RegExp(rep.name),
        'still the rep after a reload'
      );
    }
  ),

  browserTest(
    'the locale in the URL sets the page language and the formats of dates',
    async (t) => {
      const account = (t.preview.data.records.Account ?? [])[0];
      assert.ok(account, 'the data set has accounts');
      const { rep } = t.people;
      await t.open(`/lightning/r/Account/${String(account.Id)}/view`, {
        user: rep.id,
        locale: 'fr-FR'
      });
      assert.equal(await t.page.locator('html').getAttribute('lang'), 'fr');
      const created = await t.page.locator('lightning-formatted-date-time').first().innerText();
      const timeZone = rep.timeZoneSidKey ?? t.preview.data.meta.orgTimeZone;
      const expected = new Intl.DateTimeFormat('fr-FR', {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        timeZone
      }).format(new Date(String(account.CreatedDate)));
      assert.equal(created.trim(), expected);
    }
  ),

  browserTest(
    'a ShowToastEvent from a component appears as an SLDS toast and can be closed',
    async (t) => {
      await t.open(HOME_PATH, { user: t.people.manager.id });
      await t.page.evaluate(() => {
        // What `this.dispatchEvent(new ShowToastEvent(…))` sends: a composed, bubbling event.
        document.querySelector('preview-app')?.dispatchEvent(
          new CustomEvent('lightning__showtoast', {
            bubbles: true,
            composed: true,
            detail: {
              title: 'Action saved',
              message: 'Due {0}',
              messageData: ['next Friday'],
              variant: 'success',
              mode: 'sticky'
            }
          })
        );
      });
      const toast = t.page.locator('.slds-notify_toast[data-variant="success"]');
      await toast.waitFor();
      assert.match(await toast.innerText(), /Action saved[\s\S]*Due next Friday/);
      const background = await toast.evaluate(
        (element) => getComputedStyle(element).backgroundColor
      );
      assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'the toast has its SLDS theme');
      await toast.getByRole('button', { name: 'Close' }).click();
      await toast.waitFor({ state: 'detached' });
    }
  )
];
