/**
 * Headless Chromium for the browser tests and the first-render benchmark, driven by
 * playwright-core. Which binary, in this order:
 * 1. `CHROMIUM_PATH=<file>`: the one the user names (an error when it does not exist, rather than
 *    a quiet fallback to another browser);
 * 2. `/usr/bin/chromium`, when the machine has one: someone installed it on purpose (a CI image, a
 *    developer's distribution package), it needs no unpacking, and runs that used it stay as they were;
 * 3. the headless Chromium inside the `@sparticuz/chromium` npm package, unpacked on first use into
 *    node_modules/.cache: what a fresh machine gets from `npm install` alone.
 * `CHROMIUM_PATH=npm` skips 1 and 2, to run exactly what a fresh machine runs (`.ci/run` does).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's (and Ubuntu's) Chromium package installs here. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
/** The npm package that ships a headless Chromium. */
export const NPM_CHROMIUM_PACKAGE = '@sparticuz/chromium';
const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Chromium switches for a quiet, reproducible headless run. Playwright adds `--headless` and a
 * fresh temporary `--user-data-dir` itself on every launch (it refuses one passed here). The npm
 * package's own `args` are tuned for serverless hosts (single process, web security off): not
 * used, so every binary runs the pages under the same rules.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

/** Where the chosen Chromium comes from. */
export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'npm';

/** The binary to launch, before the npm one is unpacked (its path is known only then). */
export type ChromiumChoice =
  { source: 'CHROMIUM_PATH' | 'system'; executablePath: string } | { source: 'npm' };

/** Picks the Chromium by the order of the module comment; `exists` is injectable for tests. */
export function chooseChromium(
  env: Record<string, string | undefined>,
  exists: (file: string) => boolean = fs.existsSync
): ChromiumChoice {
  const named = env.CHROMIUM_PATH?.trim();
  if (named === 'npm') return { source: 'npm' };
  if (named) {
    if (!exists(named))
      throw new Error(
        `CHROMIUM_PATH is ${named}, which does not exist: fix it, or unset it to use ${SYSTEM_CHROMIUM} or the npm package's Chromium`
      );
    return { source: 'CHROMIUM_PATH', executablePath: named };
  }
  if (exists(SYSTEM_CHROMIUM)) return { source: 'system', executablePath: SYSTEM_CHROMIUM };
  return { source: 'npm' };
}

function npmPackageVersion(): string {
  const manifest = path.join(ROOT, 'node_modules', NPM_CHROMIUM_PACKAGE, 'package.json');
  if (!fs.existsSync(manifest))
    throw new Error(
      `No Chromium: ${NPM_CHROMIUM_PACKAGE} is not installed (run npm install), and neither CHROMIUM_PATH nor ${SYSTEM_CHROMIUM} names one`
    );
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/**
 * Unpacks the npm package's Chromium (once per package version) and returns the binary. The
 * package unpacks into os.tmpdir() under fixed names and reuses whatever it finds there, so a run
 * stopped halfway, two runs at once or another version would leave or share a broken binary:
 * here it unpacks into a fresh folder (TMPDIR pointed at it for the call) and renames that folder
 * into place only when complete.
 */
export async function unpackNpmChromium(
  cacheRoot = path.join(ROOT, 'node_modules', '.cache')
): Promise<{
  executablePath: string;
  packageVersion: string;
}> {
  const packageVersion = npmPackageVersion();
  const dir = path.join(cacheRoot, 'pacer-chromium', packageVersion);
  const executablePath = path.join(dir, 'chromium');
  if (fs.existsSync(executablePath)) return { executablePath, packageVersion };
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const staging = fs.mkdtempSync(`${dir}.unpacking-`);
  try {
    const { default: npmChromium } = (await import(NPM_CHROMIUM_PACKAGE)) as {
      default: { executablePath(): Promise<string> };
    };
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = staging;
    // The package reads os.tmpdir() synchronously when the call starts.
    const unpacking = npmChromium.executablePath();
    if (tmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmp;
    const unpacked = await unpacking;
    if (path.dirname(unpacked) !== staging)
      throw new Error(`${NPM_CHROMIUM_PACKAGE} unpacked to ${unpacked}, not into ${staging}`);
    try {
      fs.renameSync(staging, dir);
    } catch (error) {
      // Another run finished first: use its copy.
      if (!fs.existsSync(executablePath)) throw error;
    }
    return { executablePath, packageVersion };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** A launched Chromium and what it is, for the run's log and results. */
export interface LaunchedChromium {
  browser: Browser;
  source: ChromiumSource;
  executablePath: string;
  /** e.g. `153.0.8010.0` */
  version: string;
  /** One line: `Chromium 153.0.8010.0 from @sparticuz/chromium 153.0.0 (node_modules/.cache/…)` */
  description: string;
}

/** Chooses, unpacks if needed, and launches headless Chromium; says which one it is. */
export async function launchChosenChromium(
  env: Record<string, string | undefined> = process.env
): Promise<LaunchedChromium> {
  const choice = chooseChromium(env);
  let executablePath: string;
  let from: string;
  if (choice.source === 'npm') {
    const unpacked = await unpackNpmChromium();
    executablePath = unpacked.executablePath;
    from = `${NPM_CHROMIUM_PACKAGE} ${unpacked.packageVersion}`;
  } else {
    executablePath = choice.executablePath;
    from = choice.source === 'system' ? 'the system' : 'CHROMIUM_PATH';
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const version = browser.version();
  const shown = path.relative(ROOT, executablePath);
  return {
    browser,
    source: choice.source,
    executablePath,
    version,
    description: `Chromium ${version} from ${from} (${shown.startsWith('..') ? executablePath : shown})`
  };
}

/** Launches headless Chromium (see {@link launchChosenChromium} for which one). */
export async function launchChromium(): Promise<Browser> {
  return (await launchChosenChromium()).browser;
}
