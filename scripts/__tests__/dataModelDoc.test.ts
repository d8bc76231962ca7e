/**
 * docs/data-model.md lists the custom objects and fields the metadata defines, no more and no
 * fewer, and the custom objects in the order of their key prefixes. The metadata stays the source
 * of each field's type, values and description; this test keeps the page from drifting from it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CUSTOM_KEY_PREFIXES } from '../../sample-data/ids';

const ROOT = path.resolve(__dirname, '../..');
const OBJECTS = path.join(ROOT, 'force-app/main/default/objects');
const DOC = readFileSync(path.join(ROOT, 'docs/data-model.md'), 'utf8');

/** Object → its custom fields, from the metadata folders. */
function metadataFields(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const object of readdirSync(OBJECTS)) {
    const fields = readdirSync(path.join(OBJECTS, object, 'fields'))
      .filter((f) => f.endsWith('.field-meta.xml'))
      .map((f) => f.replace('.field-meta.xml', ''));
    out.set(object, fields.sort());
  }
  return out;
}

/** The doc's rows: a table row naming an object in backticks, and the `X__c` fields it lists. */
function documentedFields(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const row of DOC.split('\n').filter((l) => l.startsWith('| a0'))) {
    const cells = row.split('|').map((c) => c.trim());
    const object = /`(\w+__c)`/.exec(cells[2])![1];
    const fields = [...cells[5].matchAll(/`(\w+__c)`/g)].map((m) => m[1]);
    out.set(object, ['Key__c', ...fields].sort());
  }
  const opportunity = DOC.slice(DOC.indexOf('## Custom fields on Opportunity'));
  const section = opportunity.slice(0, opportunity.indexOf('\n## ', 1));
  out.set('Opportunity', [...section.matchAll(/^\| `(\w+__c)`/gm)].map((m) => m[1]).sort());
  return out;
}

describe('docs/data-model.md', () => {
  it('lists every custom object and field of the metadata, and nothing else', () => {
    expect(Object.fromEntries(documentedFields())).toEqual(Object.fromEntries(metadataFields()));
  });

  it('lists the custom objects in the order of their key prefixes (a01, a02, …)', () => {
    const rows = DOC.split('\n').filter((l) => l.startsWith('| a0'));
    const documented = rows.map((row) => {
      const cells = row.split('|').map((c) => c.trim());
      return [cells[1], /`(\w+__c)`/.exec(cells[2])![1]];
    });
    expect(documented).toEqual(
      Object.entries(CUSTOM_KEY_PREFIXES).map(([object, prefix]) => [prefix, object])
    );
  });
});
