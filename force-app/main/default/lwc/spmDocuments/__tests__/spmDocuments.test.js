import { readFileSync } from 'fs';
import { join } from 'path';
import { parse, visit } from 'graphql';
import {
  STATIC_DOCUMENTS,
  CONTEXT_QUERY,
  ACCOUNT_QUERY,
  FIELD_ALIASES,
  unaliased,
  aliased
} from 'c/spmDocuments';

/**
 * Every field selection of a document: `{ name, alias, isObject }` (alias undefined when there is
 * none); objects are the fields right under `uiapi.query` and `uiapi.aggregate`.
 */
function selections(text) {
  const out = [];
  const path = [];
  visit(parse(text), {
    Field: {
      enter(node) {
        const [grandParent, parent] = path.slice(-2);
        out.push({
          name: node.name.value,
          alias: node.alias ? node.alias.value : undefined,
          isObject: grandParent === 'uiapi' && (parent === 'query' || parent === 'aggregate')
        });
        path.push(node.name.value);
      },
      leave() {
        path.pop();
      }
    }
  });
  return out;
}

describe('c/spmDocuments', () => {
  it('lists each static document under the name of its one operation', () => {
    expect(STATIC_DOCUMENTS).toEqual({
      reviewContext: CONTEXT_QUERY,
      spmCoachingAccount: ACCOUNT_QUERY
    });
    for (const [name, text] of Object.entries(STATIC_DOCUMENTS)) {
      const operations = parse(text).definitions.filter((d) => d.kind === 'OperationDefinition');
      expect(operations.map((op) => op.name.value)).toEqual([name]);
    }
  });

  it('selects every custom field and relationship under its alias, and no other field aliased', () => {
    // Subqueries (objects) may take an alias: a second subquery of one object needs a name of its own.
    const wrong = Object.entries(STATIC_DOCUMENTS).flatMap(([operation, text]) =>
      selections(text)
        .filter(({ name, alias, isObject }) => {
          if (isObject) {
            return alias !== undefined && alias in FIELD_ALIASES;
          }
          const isCustomField = /__[cr]$/.test(name);
          return isCustomField ? FIELD_ALIASES[alias] !== name : alias !== undefined;
        })
        .map(({ name, alias }) => `${operation}: ${alias || '(no alias)'}: ${name}`)
    );
    expect(wrong).toEqual([]);
  });

  it('uses every alias it declares', () => {
    const used = new Set(
      Object.values(STATIC_DOCUMENTS).flatMap((text) =>
        selections(text)
          .filter((s) => !s.isObject)
          .map((s) => s.alias)
          .filter(Boolean)
      )
    );
    expect([...used].sort()).toEqual(Object.keys(FIELD_ALIASES).sort());
  });

  it('reads aliases back as API names at every depth, and leaves the answer untouched', () => {
    const answer = Object.freeze({
      uiapi: {
        query: {
          SPM_Cadence__c: {
            edges: [
              {
                node: {
                  Id: 'a01',
                  Name: { value: 'Team meeting' },
                  key: { value: 'team-meeting' },
                  agendaItems: { edges: [{ node: { Id: 'a02', panel: { value: 'Funnel' } } }] }
                }
              }
            ]
          }
        }
      }
    });
    const read = unaliased(answer);
    expect(read.uiapi.query.SPM_Cadence__c.edges[0].node).toEqual({
      Id: 'a01',
      Name: { value: 'Team meeting' },
      Key__c: { value: 'team-meeting' },
      Agenda_Items__r: { edges: [{ node: { Id: 'a02', Panel__c: { value: 'Funnel' } } }] }
    });
    expect(answer.uiapi.query.SPM_Cadence__c.edges[0].node.key).toEqual({ value: 'team-meeting' });
    expect(aliased(read)).toEqual(answer);
    expect(unaliased(undefined)).toBeUndefined();
  });

  it('imports nothing, so a Node script can load it by its path', () => {
    const source = readFileSync(join(__dirname, '..', 'spmDocuments.js'), 'utf8');
    expect(source).not.toMatch(/^\s*import\b/m);
  });
});
