/**
 * Every meeting of the sample cadences (config/cadences.json), opened by the people who run them:
 * switching every person and meeting type settles (no spinner left) on that meeting's agenda, each
 * agenda item showing its panel with its focus; each meeting, opened from its link, shows every
 * item's focused view, no two items the same view, and is saved as a screenshot with its page height
 * (artifacts/page-heights.json).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserTest } from '../harness/browserTest';
import { sampleCadences, type CadenceTemplate } from '../harness/cadences';
import { choose, label, optionsOf } from '../harness/uiText';
import { FOCUSES } from '../../../scripts/lib/kpi-engine';
import { projectPaths } from '../../build/projectPaths';
import { HOME_PATH } from '../../server/previewServer';

/** How long a switch may take to settle before the test calls it hung. */
const SETTLE_TIMEOUT_MS = 20_000;

/** Where each meeting's page height goes (CI keeps artifacts/). */
const HEIGHTS_FILE = path.join(projectPaths().root, 'artifacts', 'page-heights.json');
/** Panels with more than one focus (c/kpiDefinitions FOCUSES) mark the view they show. */
const MULTI_FOCUS_PANELS = Object.keys(FOCUSES).filter((panel) => FOCUSES[panel].length > 1);

function cadenceTemplates(): Map<string, CadenceTemplate> {
  return new Map(sampleCadences().map((cadence) => [cadence.name, cadence]));
}

/** Waits until no spinner is left on the page; throws naming what is still spinning. */
async function settled(page: Page, what: string): Promise<void> {
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
async function shownAgenda(
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

/**
 * What each agenda item renders below its header and questions, as text: its view. The panels draw
 * inside shadow roots, which an element's own text leaves out: the walk goes into each.
 */
async function itemViews(page: Page): Promise<string[]> {
  // No named functions inside: the page gets the function's source, without tsx's name helper.
  return page.locator('article.agenda-item').evaluateAll((items) =>
    items.map((item) => {
      const texts: string[] = [];
      const stack: Node[] = [item.querySelector('.slds-card__body') ?? document.createElement('p')];
      while (stack.length) {
        const node = stack.pop() as Node;
        if (node.nodeType === Node.TEXT_NODE) texts.push(node.textContent ?? '');
        if (!(node instanceof Element) || node.matches('ul.questions')) continue;
        const inner = node.shadowRoot ? Array.from(node.shadowRoot.childNodes) : [];
        stack.push(...[...inner, ...Array.from(node.childNodes)].reverse());
      }
      return texts.join(' ').replace(/\s+/g, ' ').trim();
    })
  );
}

function readHeights(): Record<string, number> {
  return fs.existsSync(HEIGHTS_FILE)
    ? (JSON.parse(fs.readFileSync(HEIGHTS_FILE, 'utf8')) as Record<string, number>)
    : {};
}

const meetingTests = sampleCadences().map((cadence) =>
  browserTest(`the ${cadence.name} shows each agenda item's focus and no view twice`, async (t) => {
    // Who runs it: a manager for a rep's meetings and their team's, the director for hers and
    // for the top of the hierarchy's (annual planning).
    const runner =
      cadence.level === 'Rep' || cadence.level === 'Manager' ? t.people.manager : t.people.director;
    const rep = t.people.all.find((u) => u.managerId === runner.id && u.persona === 'Rep');
    const person = cadence.level === 'Rep' ? `report:${rep?.id}` : `team:${runner.id}`;
    await t.open(HOME_PATH, { user: runner.id, c__person: person, c__meeting: cadence.key });
    await settled(t.page, cadence.name);
    const agenda = await shownAgenda(t.page);
    assert.deepEqual(
      agenda.map((item) => item.title),
      cadence.agenda.map((item) => item.title),
      `the link opens the ${cadence.name}`
    );
    for (const item of cadence.agenda) {
      if (!item.focus || !MULTI_FOCUS_PANELS.includes(item.panel)) continue;
      const article = t.page.locator(`article.agenda-item[data-focus="${item.focus}"]`).first();
      assert.equal(
        (await article.locator(`[data-focus-view="${item.focus}"]`).count()) > 0,
        true,
        `${item.title}: the ${item.panel} panel shows its "${item.focus}" view`
      );
    }
    const views = await itemViews(t.page);
    views.forEach((view, i) => {
      const twin = views.findIndex((other, j) => j !== i && other === view);
      assert.equal(
        twin,
        -1,
        `"${agenda[i].title}" renders the same view as "${agenda[twin]?.title}"`
      );
    });
    const height = await t.page.evaluate(() => document.documentElement.scrollHeight);
    fs.mkdirSync(path.dirname(HEIGHTS_FILE), { recursive: true });
    fs.writeFileSync(
      HEIGHTS_FILE,
      `${JSON.stringify({ ...readHeights(), [cadence.key]: height }, null, 2)}\n`
    );
    console.log(`    ${cadence.name}: ${height} px at ${t.page.viewportSize()?.width} px wide`);
    await t.screenshot(`meeting-${cadence.key}`);
  })
);

const switchingTests = (['director', 'manager', 'rep'] as const).map((role) =>
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

export const tests = [...meetingTests, ...switchingTests];
