/**
 * Every meeting of the sample cadences (config/cadences.json), opened by the people who run them:
 * switching every person and meeting type settles (no spinner left) on that meeting's agenda, each
 * agenda item showing its panel with its focus.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserTest } from '../harness/browserTest';
import { choose, label, optionsOf } from '../harness/uiText';
import { projectPaths } from '../../build/projectPaths';
import { HOME_PATH } from '../../server/previewServer';

/** How long a switch may take to settle before the test calls it hung. */
const SETTLE_TIMEOUT_MS = 20_000;

interface CadenceTemplate {
  name: string;
  agenda: Array<{ title: string; panel: string; focus?: string }>;
}

function cadenceTemplates(): Map<string, CadenceTemplate> {
  const file = path.join(projectPaths().root, 'config', 'cadences.json');
  const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { cadences: CadenceTemplate[] };
  return new Map(config.cadences.map((cadence) => [cadence.name, cadence]));
}

/** Waits until no spinner is left on the page; throws naming what is still spinning. */
export async function settled(page: Page, what: string): Promise<void> {
  // A choice renders on the next frames; only then can "no spinner" mean "done".
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  );
  try {
    await page.waitForFunction(
      () => document.querySelectorAll('lightning-spinner').length === 0,
      undefined,
      { timeout: SETTLE_TIMEOUT_MS }
    );
  } catch {
    const spinning = await page.locator('lightning-spinner').count();
    assert.fail(`${what}: ${spinning} spinner(s) still up after ${SETTLE_TIMEOUT_MS / 1000} s`);
  }
}

/** The agenda items on the page: title, panel and focus of each, in order. */
export async function shownAgenda(
  page: Page
): Promise<Array<{ title: string; panel: string; focus: string }>> {
  return page.locator('article.agenda-item').evaluateAll((items) =>
    items.map((item) => ({
      title: (item.querySelector('h3')?.textContent ?? '').trim(),
      panel: item.getAttribute('data-panel') ?? '',
      focus: item.getAttribute('data-focus') ?? ''
    }))
  );
}

export const tests = (['director', 'manager', 'rep'] as const).map((role) =>
  browserTest(`switching every person and meeting type of a ${role} settles`, async (t) => {
    const templates = cadenceTemplates();
    await t.open(HOME_PATH, { user: t.people[role].id });
    const personLabel = label('SPM_Workspace_Person');
    const meetingLabel = label('SPM_Workspace_Meeting');
    for (const person of await optionsOf(t.page, personLabel)) {
      await choose(t.page, personLabel, person);
      for (const meeting of await optionsOf(t.page, meetingLabel)) {
        await choose(t.page, meetingLabel, meeting);
        const what = `${person} · ${meeting}`;
        await settled(t.page, what);
        const template = templates.get(meeting);
        assert.ok(template, `${what}: "${meeting}" is a cadence of config/cadences.json`);
        assert.deepEqual(
          await shownAgenda(t.page),
          template.agenda.map((item) => ({
            title: item.title,
            panel: item.panel,
            focus: item.focus ?? ''
          })),
          `${what}: the agenda of the cadence, each item with its panel and focus`
        );
      }
    }
  })
);
