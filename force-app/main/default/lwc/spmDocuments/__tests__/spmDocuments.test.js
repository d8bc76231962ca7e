import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'graphql';
import { STATIC_DOCUMENTS, CONTEXT_QUERY, ACCOUNT_QUERY } from 'c/spmDocuments';

describe('c/spmDocuments', () => {
  it('lists each static document under the name of its one operation', () => {
    expect(STATIC_DOCUMENTS).toEqual({
      spmReviewContext: CONTEXT_QUERY,
      spmCoachingAccount: ACCOUNT_QUERY
    });
    for (const [name, text] of Object.entries(STATIC_DOCUMENTS)) {
      const operations = parse(text).definitions.filter((d) => d.kind === 'OperationDefinition');
      expect(operations.map((op) => op.name.value)).toEqual([name]);
    }
  });

  it('imports nothing, so a Node script can load it by its path', () => {
    const source = readFileSync(join(__dirname, '..', 'spmDocuments.js'), 'utf8');
    expect(source).not.toMatch(/^\s*import\b/m);
  });
});
