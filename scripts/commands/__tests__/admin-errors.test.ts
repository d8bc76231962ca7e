/**
 * The errors an admin meets first, in every command that talks to an org: each exits with its
 * code, says what is wrong and how to fix it in one line (no stack trace), and writes nothing.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSampleData } from '../../../sample-data/generate';
import { startLocalOrgHint } from '../../lib/connection';
import { EXIT } from '../../../cli/errors';
import type { CommandSpec } from '../../../cli/flags';
import { captureIo, type Io } from '../../../cli/io';
import { PROJECT_DIR, startTestOrg, type TestOrg } from '../../test-support/local-org';
import * as planTargets from '../plan-targets';
import * as report from '../report';
import * as sampleData from '../sample-data';
import * as sampleDataLoad from '../sample-data-load';
import * as seed from '../seed';
import * as snapshotForecast from '../snapshot-forecast';

// The sf CLI's answer for an alias it has no login for (what @salesforce/core's Org.create throws:
// an SfError named NamedOrgNotFoundError, "No authorization information found for <alias>.").
jest.mock('@salesforce/core', () => ({
  Org: {
    create: async ({ aliasOrUsername }: { aliasOrUsername: string }) => {
      const error = new Error(`No authorization information found for ${aliasOrUsername}.`);
      error.name = 'NamedOrgNotFoundError';
      throw error;
    }
  }
}));

const dir = mkdtempSync(join(tmpdir(), 'pacer-admin-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const targets = join(dir, 'targets.csv');
writeFileSync(
  targets,
  'user,year,kpi,value\nmaya.moreau@pacer-sample.example,2026,sales_won,1000\n'
);

/** Every command that takes an org, with arguments that are otherwise fine. */
const ORG_COMMANDS: Array<{ name: string; spec: CommandSpec; run: Command; args: string[] }> = [
  { name: 'seed', spec: seed.spec, run: seed.run, args: [] },
  { name: 'plan-targets', spec: planTargets.spec, run: planTargets.run, args: ['--file', targets] },
  { name: 'snapshot-forecast', spec: snapshotForecast.spec, run: snapshotForecast.run, args: [] },
  { name: 'report', spec: report.spec, run: report.run, args: ['--user', 'someone@example.com'] },
  {
    name: 'sample-data --load',
    spec: sampleDataLoad.spec,
    run: sampleDataLoad.run,
    args: ['--load']
  }
];
type Command = (argv: string[], io: Io) => Promise<number>;

/** One line, and no line of a stack trace. */
function expectOneLine(text: string): void {
  expect(text.trimEnd().split('\n')).toHaveLength(1);
  expect(text).not.toMatch(/^\s+at /m);
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a wrong org alias', () => {
  it.each(ORG_COMMANDS)(
    '$name: one line naming the alias and the login command, exit 3',
    async (command) => {
      const io = captureIo({ cwd: PROJECT_DIR });
      const code = await command.run([...command.args, '-o', 'pacer-uat'], io);
      expect(code).toBe(EXIT.orgFailure);
      expectOneLine(io.err);
      expect(io.err).toContain('The sf CLI has no login for "pacer-uat"');
      expect(io.err).toContain('npx sf org login web --alias pacer-uat');
      expect(io.out).toBe('');
    }
  );
});

describe('-o local with no local org running', () => {
  it.each(ORG_COMMANDS)(
    '$name: fails at once, saying how to start one, exit 3',
    async (command) => {
      const url = `http://127.0.0.1:${await closedPort()}`;
      const io = captureIo({ cwd: PROJECT_DIR, env: { PACER_LOCAL_ORG_URL: url } });
      const started = Date.now();
      const code = await command.run([...command.args, '-o', 'local'], io);
      expect(code).toBe(EXIT.orgFailure);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(io.sleeps).toEqual([]); // no retries
      expectOneLine(io.err);
      expect(io.err).toContain(`No local org answers at ${url} (ECONNREFUSED)`);
      expect(io.err).toContain('npm run localorg');
      expect(io.err).toContain('PACER_LOCAL_ORG_URL');
    }
  );

  it('without PACER_LOCAL_ORG_URL, names both ways to start one', () => {
    // The default URL (port 4410) may be a developer's running local org: the words, not a run.
    expect(startLocalOrgHint('http://127.0.0.1:4410', false)).toBe(
      'start one with `npm run localorg` in another terminal, or, to use the one `npm start` runs, ' +
        'set PACER_LOCAL_ORG_URL to the local org URL it prints'
    );
  });
});

describe('-o', () => {
  it.each(ORG_COMMANDS)('$name: -o is --target-org', ({ spec }) => {
    const short = Object.entries(spec.flags).filter(([, flag]) => flag.short === 'o');
    expect(short.map(([name]) => name)).toEqual(['target-org']);
  });

  it('sample-data writes its file with --out only, and says so for -o', async () => {
    expect(Object.values(sampleData.spec.flags).some((flag) => flag.short === 'o')).toBe(false);
    const file = join(dir, 'sample.json');
    const io = captureIo({ cwd: dir });
    expect(await sampleData.run(['-o', file], io)).toBe(EXIT.invalidInput);
    expectOneLine(io.err);
    expect(io.err).toContain(
      '-o means --target-org, which sample-data takes only with --load; the file to write is --out <file>.'
    );
    expect(existsSync(file)).toBe(false);
  });
});

describe('against a running local org', () => {
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg({ reps: 4, opportunities: 100 });
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    [
      'user;year;kpi;value\nmaya.moreau@pacer-sample.example;2026;sales_won;1000\n',
      'the values are separated by ";"'
    ],
    [
      'User,Year,KPI,Value\nmaya.moreau@pacer-sample.example,2026,sales_won,1000\n',
      'column names are lower case: rename "User" to "user", "Year" to "year", "KPI" to "kpi", "Value" to "value"'
    ]
  ])(
    'plan-targets names a spreadsheet export it cannot read (%#), exit 2, no write',
    async (text, reason) => {
      const file = join(dir, `export-${reason.length}.csv`);
      writeFileSync(file, text);
      const before = t.serialize();
      const mark = t.org.requests.length;
      const { code, io } = await t.run(planTargets.run, ['--file', file]);
      expect(code).toBe(EXIT.invalidInput);
      expectOneLine(io.err);
      expect(io.err).toContain(`Invalid input, nothing was written: ${file}:1:1: ${reason}`);
      expect(t.writeCalls(mark)).toEqual([]);
      expect(t.serialize()).toBe(before);
    }
  );

  it('report --team <a rep> says the rep has no team, from the org and from a file, exit 2', async () => {
    const users = t.org.data.records.User as Array<Record<string, unknown>>;
    const managerIds = new Set(users.map((u) => u.ManagerId));
    const rep = users.find((u) => !managerIds.has(u.Id)) as { Name: string; Username: string };
    const expected = `--team: ${rep.Name} (${rep.Username}) has no team: nobody reports to them. For their own numbers, use --user ${rep.Username}.`;

    const fromOrg = await t.run(report.run, ['--team', rep.Username]);
    expect(fromOrg.code).toBe(EXIT.invalidInput);
    expectOneLine(fromOrg.io.err);
    expect(fromOrg.io.err).toContain(expected);
    expect(fromOrg.io.out).toBe('');

    const file = join(dir, 'data.json');
    writeFileSync(file, JSON.stringify(generateSampleData({ reps: 4, opportunities: 100 })));
    const io = captureIo({ cwd: PROJECT_DIR });
    expect(await report.run(['--data', file, '--team', rep.Username], io)).toBe(EXIT.invalidInput);
    expectOneLine(io.err);
    expect(io.err).toContain(expected);
  });
});
