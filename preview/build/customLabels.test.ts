import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCustomLabels, parseCustomLabels } from './customLabels';

const LABELS = `<?xml version="1.0" encoding="UTF-8"?>
<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">
    <labels>
        <fullName>SPM_Review_Title</fullName>
        <language>en_US</language>
        <protected>false</protected>
        <shortDescription>Review title</shortDescription>
        <value>Performance review &amp; actions</value>
    </labels>
    <labels>
        <fullName>SPM_Empty</fullName>
        <language>en_US</language>
        <protected>false</protected>
        <shortDescription>Nothing</shortDescription>
        <value>No data for {0}</value>
    </labels>
</CustomLabels>`;

describe('parseCustomLabels', () => {
  it('maps each label full name to its value, entities decoded', () => {
    const labels = parseCustomLabels(LABELS);
    expect([...labels.entries()]).toEqual([
      ['SPM_Review_Title', 'Performance review & actions'],
      ['SPM_Empty', 'No data for {0}']
    ]);
  });

  it('reads a file holding a single label', () => {
    const single = LABELS.replace(/<labels>\s*<fullName>SPM_Empty[\s\S]*?<\/labels>/, '');
    expect([...parseCustomLabels(single).keys()]).toEqual(['SPM_Review_Title']);
  });

  it('names the file and line of malformed XML', () => {
    expect(() =>
      parseCustomLabels('<CustomLabels><labels></CustomLabels>', 'labels/x.xml')
    ).toThrow(/^labels\/x\.xml:1:\d+: /);
  });

  it('rejects a label defined twice', () => {
    const twice = LABELS.replace('SPM_Empty', 'SPM_Review_Title');
    expect(() => parseCustomLabels(twice)).toThrow('label SPM_Review_Title is defined twice');
  });

  it('rejects a document that is not CustomLabels', () => {
    expect(() => parseCustomLabels('<Other/>')).toThrow('the root element is not <CustomLabels>');
  });
});

describe('loadCustomLabels', () => {
  it('gives no labels when the project has no labels file', () => {
    expect(
      loadCustomLabels(path.join(os.tmpdir(), 'pacer-no-such-dir', 'CustomLabels.labels-meta.xml'))
        .size
    ).toBe(0);
  });

  it('reads the labels file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pacer-labels-'));
    const file = path.join(dir, 'CustomLabels.labels-meta.xml');
    fs.writeFileSync(file, LABELS);
    expect(loadCustomLabels(file).get('SPM_Empty')).toBe('No data for {0}');
    fs.rmSync(dir, { recursive: true });
  });
});
