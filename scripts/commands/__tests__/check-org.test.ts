import '../../test-support/realm';
import { tmpdir } from 'node:os';
import { startLocalOrg, type LocalOrg } from '../../../localorg/server';
import { generateSampleData } from '../../../sample-data/generate';
import type { HiddenFields } from '../../../localorg/sessions';
import { PANEL_KEYS } from '../../lib/kpi-engine';
import { captureIo, type CapturedIo } from '../../../cli/io';
import { pacerDocuments } from '../../lib/pacer-documents';
import { PROJECT_DIR, type Run } from '../../test-support/local-org';
import { documentOutcome, fieldsNamedIn, formatOutcome, run as checkOrg } from '../check-org';
import { run as seed } from '../seed';

jest.setTimeout(120_000);

const AS_OF = '2026-11-23';
const data = generateSampleData({ reps: 4, opportunities: 300 });
const users = data.records.User as Array<Record<string, string>>;
const rep = users.find((u) => u.Title === 'Account Executive')!;

/** A seeded local org (its KPI menu, cadences and stage policy from config/), hiding what it is told. */
async function seededOrg(hiddenFields?: HiddenFields): Promise<{
  org: LocalOrg;
  run: (command: Run, argv: string[]) => Promise<{ code: number; io: CapturedIo }>;
}> {
  const org = await startLocalOrg({ port: 0, data, projectDir: PROJECT_DIR, hiddenFields });
  const env = {
    PACER_LOCAL_ORG_URL: org.url,
    PACER_LOCAL_ORG_TOKEN: org.accessToken,
    HOME: tmpdir()
  };
  const run = async (command: Run, argv: string[]) => {
    const io = captureIo({ env, cwd: PROJECT_DIR });
    const code = await command(['--target-org', 'local', ...argv], io);
    return { code, io };
  };
  const seeded = await run(seed, []);
  if (seeded.code !== 0) throw new Error(`seed failed: ${seeded.io.err}`);
  return { org, run };
}

/** The lines about documents: `  ok      name (uses): …` or `  FAILED  …`. */
const documentLines = (out: string): string[] =>
  out.split('\n').filter((line) => /^ {2}(ok|FAILED) {2}/.test(line));

describe('check:org against the local org', () => {
  let plain: Awaited<ReturnType<typeof seededOrg>>;
  let hiding: Awaited<ReturnType<typeof seededOrg>>;
  beforeAll(async () => {
    plain = await seededOrg();
    hiding = await seededOrg({ [rep.Username]: ['Opportunity.Amount'] });
  });
  afterAll(async () => {
    await plain?.org.close();
    await hiding?.org.close();
  });

  it('validates and runs every document, as the running user and as a rep, and writes nothing', async () => {
    const before = plain.org.requests.length;
    const { code, io } = await plain.run(checkOrg, ['--as-of', AS_OF, '--as', rep.Username]);

    const lines = documentLines(io.out);
    // Two views, each listing every document once.
    expect(lines.length % 2).toBe(0);
    expect(lines.length).toBeGreaterThanOrEqual(2 * 6);
    expect(io.out).toContain(`As ${rep.Username}: schema introspected`);
    expect(io.out).toMatch(/^ {4}ok {6}SPM_KPI__c: valid, answered$/m);
    expect(
      plain.org.requests
        .slice(before)
        .filter((r) => r.method !== 'GET' && !r.path.endsWith('/graphql'))
    ).toEqual([]);
    expect(lines.filter((line) => line.startsWith('  FAILED'))).toEqual([]);
    expect(io.out).not.toMatch(/^ {4}FAILED/m);
    expect(io.out).toContain(
      `check:org OK: every document is valid and answered, as ${plain.org.org.store.getById(plain.org.org.userId)?.Username}, ${rep.Username}`
    );
    expect(code).toBe(0);
  });

  it('names the document, the field and the panels when a field is hidden from the user, and exits 1', async () => {
    const asAdmin = await hiding.run(checkOrg, ['--as-of', AS_OF]);
    const asRep = await hiding.run(checkOrg, ['--as-of', AS_OF, '--as', rep.Username]);

    expect(asRep.code).toBe(1);
    const repView = asRep.io.out.slice(asRep.io.out.indexOf(`As ${rep.Username}:`));
    // Every document that reads Amount fails for the rep, naming the field; the admin still sees it.
    const amountLines = repView
      .split('\n')
      .filter((line) => line.includes('fields absent for this user: Opportunity.Amount'));
    expect(amountLines.length).toBeGreaterThan(0);
    expect(asAdmin.io.out).not.toContain('Opportunity.Amount');
    expect(repView).toMatch(
      /^ {2}FAILED {2}spmReview\w+ \(review · Month · [^)]*\): .*Opportunity.*Amount/m
    );
    expect(repView).toMatch(/^ {4}FAILED {2}\w+: invalid: Cannot query field "Amount" on type/m);
    // The panels come from the plan: each failing document names its own, and only known ones.
    const blanks = repView.split('\n').filter((line) => line.startsWith('    would blank: '));
    expect(blanks.length).toBeGreaterThan(0);
    for (const line of blanks) {
      const panels = line.slice('    would blank: '.length).split(', ');
      expect(panels.filter((p) => !PANEL_KEYS.includes(p))).toEqual([]);
    }
    expect(blanks.join('\n')).toContain('scorecard');
    expect(asRep.io.out).toMatch(/check:org FAILED: .*: \d+ of \d+ documents failed$/m);
  });
});

describe("check:org's reading of one document", () => {
  const { documents } = pacerDocuments({
    users: [{ Id: '005000000000001AAA', Name: 'Rep' }],
    kpis: [],
    cadences: [],
    stagePolicy: [],
    asOf: AS_OF,
    orgTimeZone: 'UTC',
    fiscalYearStartMonth: 1,
    repId: '005000000000001AAA',
    managerId: '005000000000001AAA',
    accountId: '001000000000001AAA'
  });
  const context = documents.find((d) => d.operationName === 'reviewContext')!;

  it("puts the org's errors on the subquery their path names, and the rest on the document", () => {
    const outcome = documentOutcome(context, null, {
      data: { uiapi: { query: { User: null }, aggregate: {} } },
      errors: [
        { message: 'boom', path: ['uiapi', 'query', 'User'] },
        { message: 'Validation error (FieldUndefined@[uiapi/aggregate/SPM_Review__c]) : x' },
        { message: 'no path at all' }
      ]
    });
    const lines = formatOutcome({ ...outcome, document: { ...context, panels: ['trust'] } });
    expect(lines[0]).toMatch(
      /^ {2}FAILED {2}reviewContext .*error from the org: no path at all$/
    );
    expect(lines).toContain('    FAILED  User: error from the org: boom');
    expect(lines).toContain(
      '    FAILED  SPM_Review__c: error from the org: Validation error (FieldUndefined@[uiapi/aggregate/SPM_Review__c]) : x'
    );
    expect(lines[lines.length - 1]).toBe('    would blank: trust');
  });

  it('names fields of objects only, in either wording', () => {
    const isObject = (name: string) => name === 'Opportunity';
    expect(
      fieldsNamedIn(
        'Cannot query field "Amount" on type "OpportunityAggregate". Field "function" is not defined by type "GroupByClause". ' +
          "Validation error (FieldUndefined@[uiapi/query/Opportunity/edges/node/NextStep]) : Field 'NextStep' in type 'Opportunity' is undefined",
        isObject
      )
    ).toEqual(['Opportunity.Amount', 'Opportunity.NextStep']);
  });
});
