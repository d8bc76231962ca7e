import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isBuildInput, sourceHash } from './sourceHash';

describe('sourceHash', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pacer-hash-'));
    fs.mkdirSync(path.join(root, 'lwc', 'spmX', '__tests__'), { recursive: true });
    fs.writeFileSync(path.join(root, 'lwc', 'spmX', 'spmX.js'), 'export default 1;');
    fs.writeFileSync(path.join(root, 'lwc', 'spmX', '__tests__', 'spmX.test.js'), 'test');
  });
  afterEach(() => fs.rmSync(root, { recursive: true }));
  const hash = (extra = {}) => sourceHash({ root, inputs: [path.join(root, 'lwc')], extra });

  it('is stable for unchanged sources', () => {
    expect(hash()).toMatch(/^[0-9a-f]{16}$/);
    expect(hash()).toBe(hash());
  });

  it('changes with a source, a new file or the build options', () => {
    const before = hash();
    fs.writeFileSync(path.join(root, 'lwc', 'spmX', 'spmX.js'), 'export default 2;');
    const edited = hash();
    expect(edited).not.toBe(before);
    fs.writeFileSync(path.join(root, 'lwc', 'spmX', 'spmX.html'), '<template></template>');
    expect(hash()).not.toBe(edited);
    expect(hash({ mode: 'development' })).not.toBe(hash({ mode: 'production' }));
  });

  it('ignores tests, which never reach the bundle', () => {
    const before = hash();
    fs.writeFileSync(path.join(root, 'lwc', 'spmX', '__tests__', 'spmX.test.js'), 'changed');
    expect(hash()).toBe(before);
    expect(isBuildInput(path.join('preview', 'build', 'x.test.ts'))).toBe(false);
  });
});
