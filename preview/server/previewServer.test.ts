import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { staticFile } from './previewServer';

describe('staticFile', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pacer-static-'));
  fs.mkdirSync(path.join(root, 'chunks'));
  fs.writeFileSync(path.join(root, 'main.js'), '');
  fs.writeFileSync(path.join(root, 'chunks', 'icons-abc.js'), '');
  afterAll(() => fs.rmSync(root, { recursive: true }));

  it('finds files under the root', () => {
    expect(staticFile(root, 'main.js')).toBe(path.join(root, 'main.js'));
    expect(staticFile(root, 'chunks/icons-abc.js')).toBe(path.join(root, 'chunks', 'icons-abc.js'));
  });

  it('never leaves the root, encoded or not', () => {
    expect(staticFile(root, '../../etc/passwd')).toBeUndefined();
    expect(staticFile(root, '%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
    expect(staticFile(root, '%E0%A4%A')).toBeUndefined();
  });

  it('gives nothing for folders and missing files', () => {
    expect(staticFile(root, 'chunks')).toBeUndefined();
    expect(staticFile(root, 'nope.js')).toBeUndefined();
  });
});
