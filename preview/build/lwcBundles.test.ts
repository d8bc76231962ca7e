import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { aliasModuleRecords, listLwcBundles } from './lwcBundles';

function makeLwcDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pacer-lwc-'));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

describe('listLwcBundles', () => {
  it('lists components and service modules by folder, sorted, with their entry', () => {
    const dir = makeLwcDir({
      'spmCoachingPanel/spmCoachingPanel.js': '',
      'spmCoachingPanel/spmCoachingPanel.html': '<template></template>',
      'periods/periods.js': '',
      '__tests__/x.test.js': '',
      'jsconfig.json': '{}',
      'halfDone/readme.md': ''
    });
    expect(listLwcBundles(dir)).toEqual([
      {
        name: 'periods',
        specifier: 'c/periods',
        entry: path.join(dir, 'periods', 'periods.js'),
        hasTemplate: false
      },
      {
        name: 'spmCoachingPanel',
        specifier: 'c/spmCoachingPanel',
        entry: path.join(dir, 'spmCoachingPanel', 'spmCoachingPanel.js'),
        hasTemplate: true
      }
    ]);
    fs.rmSync(dir, { recursive: true });
  });

  it('gives nothing for a missing folder', () => {
    expect(listLwcBundles(path.join(os.tmpdir(), 'pacer-missing-lwc'))).toEqual([]);
  });
});

describe('aliasModuleRecords', () => {
  it('makes one c/<bundle> alias record per bundle', () => {
    expect(
      aliasModuleRecords([
        {
          name: 'periods',
          specifier: 'c/periods',
          entry: '/p/periods/periods.js',
          hasTemplate: false
        }
      ])
    ).toEqual([{ name: 'c/periods', path: '/p/periods/periods.js' }]);
  });
});
