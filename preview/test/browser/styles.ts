/**
 * SLDS is applied, judged by computed styles rather than class names: a page that only carries
 * the classes, without the stylesheet, fails.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserTest } from '../harness/browserTest';
import { HOME_PATH } from '../../server/previewServer';

/**
 * Computed style properties of the first element matching `selector`. Playwright's locator
 * reaches into (synthetic) shadow trees, which `document.querySelector` in the page does not.
 */
function computedStyle(
  page: Page,
  selector: string,
  properties: string[]
): Promise<Record<string, string>> {
  return page
    .locator(selector)
    .first()
    .evaluate(
      (element, names) =>
        Object.fromEntries(
          names.map((name) => [name, getComputedStyle(element).getPropertyValue(name)])
        ),
      properties
    );
}

export const tests = [
  browserTest(
    'SLDS styles the page: scoped body, system font, Lightning header, tabs and table',
    async (t) => {
      await t.open('/lightning/o/Account/list', { user: t.people.manager.id, c__listView: 'all' });
      assert.equal(await t.page.evaluate(() => document.body.className), 'slds-scope');
      const body = await computedStyle(t.page, 'body', ['font-family', 'font-size']);
      const header = await computedStyle(t.page, '.slds-page-header', [
        'border-top-left-radius',
        'box-shadow',
        'border-top-style'
      ]);
      const activeTab = await computedStyle(t.page, '.slds-context-bar__item.slds-is-active', [
        'background-color'
      ]);
      const otherTab = await computedStyle(
        t.page,
        '.slds-context-bar__item:not(.slds-is-active):not(.slds-no-hover)',
        ['background-color']
      );
      const tableHeader = await computedStyle(t.page, 'lightning-datatable .slds-th__action', [
        'padding-left'
      ]);
      assert.match(body['font-family'], /-apple-system|Salesforce Sans/, 'SLDS font stack');
      assert.equal(body['font-size'], '13px', 'SLDS base font size (0.8125rem)');
      assert.equal(header['border-top-left-radius'], '4px', 'page header corners');
      assert.notEqual(header['box-shadow'], 'none', 'page header shadow');
      assert.equal(header['border-top-style'], 'solid');
      assert.notEqual(
        activeTab['background-color'],
        otherTab['background-color'],
        'the active tab is highlighted'
      );
      assert.equal(
        tableHeader['padding-left'],
        '8px',
        'datatable header cells are padded (0.5rem)'
      );
    }
  ),

  browserTest(
    'base components render with their SLDS look (icons drawn, combobox styled)',
    async (t) => {
      await t.open(HOME_PATH, { user: t.people.manager.id });
      // Icons come from lazily loaded chunks: give them their moment.
      await t.page.locator('lightning-icon svg').first().waitFor();
      const iconWidth = await t.page
        .locator('lightning-icon svg')
        .first()
        .evaluate((svg) => svg.getBoundingClientRect().width);
      assert.ok(iconWidth > 0, 'lightning-icon draws an SVG');
      const input = await computedStyle(t.page, 'lightning-combobox .slds-combobox__input', [
        'border-top-style',
        'border-top-left-radius'
      ]);
      assert.equal(input['border-top-style'], 'solid');
      assert.equal(input['border-top-left-radius'], '4px');
    }
  )
];
