import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectPaths } from './projectPaths';
import { watchSources } from './watchSources';
import type { PreviewBuild } from './buildPreview';

const build = (hash: string): PreviewBuild => ({
  hash,
  dir: `/dist/${hash}`,
  cached: false,
  durationMs: 1,
  pageComponents: [],
  warnings: []
});
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchSources', () => {
  it('rebuilds once after a burst of changes to a component and reports a new build', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pacer-watch-'));
    const paths = projectPaths(root);
    fs.mkdirSync(path.join(paths.lwcDir, 'spmX'), { recursive: true });
    let builds = 0;
    const seen: string[] = [];
    const watcher = watchSources(
      paths,
      build('first'),
      async () => build(`next${++builds}`),
      (next) => seen.push(next.hash),
      (error) => seen.push(`error ${error.message}`)
    );
    try {
      for (let i = 0; i < 3; i += 1)
        fs.writeFileSync(path.join(paths.lwcDir, 'spmX', 'spmX.js'), `export default ${i};`);
      await settle(1500);
      expect(builds).toBe(1);
      expect(seen).toEqual(['next1']);
    } finally {
      watcher.close();
      fs.rmSync(root, { recursive: true });
    }
  });

  it('reports a failed build and keeps watching', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pacer-watch-'));
    const paths = projectPaths(root);
    fs.mkdirSync(paths.lwcDir, { recursive: true });
    const seen: string[] = [];
    let fail = true;
    const watcher = watchSources(
      paths,
      undefined,
      async () => {
        if (fail) throw new Error('no custom label SPM_X');
        return build('fixed');
      },
      (next) => seen.push(next.hash),
      (error) => seen.push(`error: ${error.message}`)
    );
    try {
      fs.writeFileSync(path.join(paths.lwcDir, 'a.js'), '1');
      await settle(1500);
      fail = false;
      fs.writeFileSync(path.join(paths.lwcDir, 'a.js'), '2');
      await settle(1500);
      expect(seen).toEqual(['error: no custom label SPM_X', 'fixed']);
    } finally {
      watcher.close();
      fs.rmSync(root, { recursive: true });
    }
  });
});
