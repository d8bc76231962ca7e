/**
 * `npm run test:browser`: starts the preview on a free port, runs every test exported by
 * preview/test/browser/*.ts in headless Chromium (a fresh browser context each), fails a test
 * that leaves console errors, saves screenshots in artifacts/screenshots, measures the review
 * page's first render, and writes artifacts/browser-results.json in Jest's JSON shape.
 * Flags: `--grep <text>` runs the tests whose title contains the text; `--no-bench` skips the
 * first-render measurement.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { startPreview, type RunningPreview } from '../startPreview';
import {
  formatFirstRender,
  measureFirstRender,
  type FirstRenderResult
} from '../bench/firstRender';
import { launchChosenChromium, type LaunchedChromium } from './harness/chromium';
import { peopleOf, SCREENSHOT_DIR, testContext, type BrowserTest } from './harness/browserTest';
import { toJestResults, type TestOutcome } from './harness/jestResults';

const ROOT = path.resolve(__dirname, '..', '..');
const CASES_DIR = path.join(__dirname, 'browser');
const RESULTS_FILE = path.join(ROOT, 'artifacts', 'browser-results.json');
/** A test taking longer than this has hung. */
const TEST_TIMEOUT_MS = 90_000;
const FIRST_RENDER_LOADS = 5;
const VIEWPORT = { width: 1440, height: 900 };

function relative(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join('/');
}

/** The tests of each case file, in file order. */
function loadCases(): Array<{ file: string; tests: BrowserTest[] }> {
  return fs
    .readdirSync(CASES_DIR)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .sort()
    .map((name) => {
      const file = path.join(CASES_DIR, name);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- tsx compiles the case files on require
      const loaded = require(file) as { tests?: BrowserTest[] };
      if (!Array.isArray(loaded.tests))
        throw new Error(`${relative(file)} exports no \`tests\` array`);
      return { file: relative(file), tests: loaded.tests };
    });
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runTest(
  browser: Browser,
  preview: RunningPreview,
  file: string,
  test: BrowserTest
): Promise<TestOutcome> {
  const started = Date.now();
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const t = testContext(page, preview, peopleOf(preview));
  const failures: string[] = [];
  try {
    await withTimeout(test.run(t), TEST_TIMEOUT_MS, 'the test');
  } catch (error) {
    failures.push((error as Error).stack ?? String(error));
    await page
      .screenshot({
        path: path.join(SCREENSHOT_DIR, `failed-${slug(test.title)}.png`),
        fullPage: true
      })
      .catch(() => undefined);
  }
  const consoleErrors = t.consoleErrors();
  if (consoleErrors.length)
    failures.push(`The page logged errors:\n  ${consoleErrors.join('\n  ')}`);
  await context.close();
  return {
    file,
    title: test.title,
    status: failures.length ? 'failed' : 'passed',
    durationMs: Date.now() - started,
    failureMessages: failures
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { grep: { type: 'string' }, 'no-bench': { type: 'boolean' } },
    strict: true
  });
  const startTime = Date.now();
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const old of fs.readdirSync(SCREENSHOT_DIR).filter((name) => name.endsWith('.png'))) {
    fs.rmSync(path.join(SCREENSHOT_DIR, old));
  }
  const outcomes: TestOutcome[] = [];
  const runtimeErrors: Array<{ file: string; message: string }> = [];
  let firstRender: FirstRenderResult | undefined;
  let preview: RunningPreview | undefined;
  let browser: Browser | undefined;
  let chromium: Omit<LaunchedChromium, 'browser'> | undefined;
  try {
    const cases = loadCases();
    preview = await startPreview({ log: (message) => console.log(message) });
    console.log(
      `Preview on ${preview.url} (build ${preview.build.hash}, ${preview.build.cached ? 'cached' : `built in ${(preview.build.durationMs / 1000).toFixed(1)} s`})`
    );
    const launched = await launchChosenChromium();
    ({ browser, ...chromium } = launched);
    console.log(launched.description);
    for (const { file, tests } of cases) {
      for (const test of tests) {
        if (values.grep && !test.title.toLowerCase().includes(values.grep.toLowerCase())) continue;
        const outcome = await runTest(browser, preview, file, test);
        outcomes.push(outcome);
        console.log(
          `${outcome.status === 'passed' ? '✓' : '✗'} ${file} › ${test.title} (${outcome.durationMs} ms)`
        );
        for (const message of outcome.failureMessages)
          console.log(`    ${message.split('\n').join('\n    ')}`);
      }
    }
    if (!values['no-bench']) {
      firstRender = await measureFirstRender({
        baseUrl: preview.url,
        browser,
        loads: FIRST_RENDER_LOADS
      });
      console.log(formatFirstRender(firstRender));
    }
  } catch (error) {
    const message = (error as Error).stack ?? String(error);
    runtimeErrors.push({ file: relative(__filename), message });
    console.error(`✗ the browser test run failed: ${message}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await preview?.close().catch(() => undefined);
  }

  const results = {
    ...toJestResults(outcomes, startTime, runtimeErrors),
    // Which binary ran: CI prints it, and a fresh machine's run shows the npm package's.
    chromium: chromium && {
      source: chromium.source,
      version: chromium.version,
      executablePath: chromium.executablePath,
      description: chromium.description
    },
    firstRender
  };
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  console.log(
    `Browser tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed` +
      `${runtimeErrors.length ? `, ${runtimeErrors.length} run error(s)` : ''} — ${relative(RESULTS_FILE)}, screenshots in ${relative(SCREENSHOT_DIR)}`
  );
  return results.success ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  }
);
