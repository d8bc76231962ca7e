/**
 * Test harness: a local org on a free port, the environment that points `--target-org local` at
 * it, a serialisation of its whole store (to prove nothing was written), and the write calls it
 * answered (counted on the server).
 */
import './realm';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLocalOrg, type LocalOrg } from '../../localorg/server';
import { generateSampleData, type SampleDataOptions } from '../../sample-data/generate';
import { captureIo, type CapturedIo, type Io } from '../../cli/io';
import type { CadencesFile, KpiMenu, StagePolicyFile } from '../lib/schemas';

/** The project root (config/, force-app/). */
export const PROJECT_DIR = resolve(__dirname, '../..');

/** A command's `run`. */
export type Run = (argv: string[], io: Io) => Promise<number>;

/** A running local org with helpers for command tests. */
export interface TestOrg {
  org: LocalOrg;
  /** Runs a command against this org; returns the exit code and what it printed. */
  run(
    command: Run,
    argv: string[],
    options?: { now?: Date }
  ): Promise<{ code: number; io: CapturedIo }>;
  /** Every record of every object, as one string: equal strings mean an untouched store. */
  serialize(): string;
  /** Requests that write (not GET, not GraphQL, not SOQL), optionally since an index of `org.requests`. */
  writeCalls(since?: number): Array<{ method: string; path: string; status: number }>;
  close(): Promise<void>;
}

/** Starts a local org holding a small generated data set (or the one given). */
export async function startTestOrg(
  data: SampleDataOptions = { reps: 4, opportunities: 300 }
): Promise<TestOrg> {
  const org = await startLocalOrg({
    port: 0,
    data: generateSampleData(data),
    projectDir: PROJECT_DIR
  });
  const env = {
    PACER_LOCAL_ORG_URL: org.url,
    PACER_LOCAL_ORG_TOKEN: org.accessToken,
    HOME: tmpdir()
  };
  return {
    org,
    async run(command, argv, options = {}) {
      const io = captureIo({ env, cwd: PROJECT_DIR, now: options.now });
      const code = await command(['--target-org', 'local', ...argv], io);
      return { code, io };
    },
    serialize() {
      const tables = [...org.schema.objects.keys()]
        .sort()
        .map((name) => [name, org.store.table(name).records]);
      return JSON.stringify(tables);
    },
    writeCalls(since = 0) {
      return org.requests
        .slice(since)
        .filter(
          (r) => r.method !== 'GET' && !r.path.endsWith('/graphql') && !r.path.startsWith('/__')
        );
    },
    close: () => org.close()
  };
}

/** A temporary copy of the config files, with edits applied to the parsed JSON. */
export function configCopy(
  edits: {
    menu?: (m: KpiMenu) => void;
    cadences?: (c: CadencesFile) => void;
    stagePolicy?: (s: StagePolicyFile) => void;
  } = {}
): {
  dir: string;
  args: string[];
} {
  const dir = mkdtempSync(join(tmpdir(), 'pacer-config-'));
  const files = {
    menu: 'kpi-menu.json',
    cadences: 'cadences.json',
    stagePolicy: 'stage-policy.json'
  } as const;
  for (const [name, file] of Object.entries(files) as Array<[keyof typeof files, string]>) {
    const json = JSON.parse(readFileSync(join(PROJECT_DIR, 'config', file), 'utf8'));
    (edits[name] as ((json: unknown) => void) | undefined)?.(json);
    writeFileSync(join(dir, file), `${JSON.stringify(json, null, 2)}\n`);
  }
  return {
    dir,
    args: [
      '--menu',
      join(dir, files.menu),
      '--cadences',
      join(dir, files.cadences),
      '--stage-policy',
      join(dir, files.stagePolicy)
    ]
  };
}
