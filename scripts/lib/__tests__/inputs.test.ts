import { InputError } from '../../../cli/errors';
import { parseJsonText } from '../files';
import { validateJson, kpiMenuSchema } from '../schemas';
import { parseTargetCsv } from '../targets-csv';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError)
      return error.problems.map((p) => `${p.file}:${p.place}: ${p.reason}`);
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('input files', () => {
  it('places a JSON syntax error at its line and column', () => {
    const text = '{\n  "menuYear": 2026,\n  "kpis": [,]\n}\n';
    const [problem] = problemsOf(() => parseJsonText(text, 'config/kpi-menu.json'));
    expect(problem).toMatch(/^config\/kpi-menu\.json:3:12: malformed JSON/);
  });

  it.each([
    [
      'an unexpected token (V8 gives no position)',
      '{\n  "a": [1, 2,, 3]\n}',
      "2:14: malformed JSON: Unexpected token ','"
    ],
    [
      'a missing comma',
      '{\n  "a": 1\n  "b": 2\n}',
      "3:3: malformed JSON: Expected ',' or '}' after property value"
    ],
    [
      'a line break inside a string',
      '{"a": "x\ny"}',
      '1:9: malformed JSON: Bad control character in string literal'
    ],
    [
      'text after the value',
      '{"a": 1}\n}',
      '2:1: malformed JSON: Unexpected non-whitespace character after JSON'
    ],
    ['the end of the file', '{\n  "a": [\n', '3:1: malformed JSON: Unexpected end of JSON input'],
    ['a single quote', "{'a': 1}", "1:2: malformed JSON: Expected property name or '}'"]
  ])('places %s at its line and column', (_name, text, expected) => {
    expect(problemsOf(() => parseJsonText(text, 'f.json'))).toEqual([`f.json:${expected}`]);
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a": 1}', 'f.json')).toEqual({ a: 1 });
  });

  it('names the JSON path and the KPI key of a wrong type', () => {
    const menu = {
      menuYear: 2026,
      kpis: [
        {
          key: 'win_rate',
          name: 'Win rate',
          category: 'Sales',
          kind: 'Lagging',
          unit: 'Percent',
          direction: 'Higher is better',
          definition: {},
          thresholds: { green: 'high', amber: 20 },
          levels: ['Rep'],
          sortOrder: 1
        }
      ]
    };
    const result = validateJson(kpiMenuSchema, menu, 'menu.json');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0].place).toBe('kpis[0]{win_rate}.thresholds.green');
      expect(result.problems[0].reason).toMatch(/number/);
    }
  });

  it('reports a duplicate KPI key at the second occurrence', () => {
    const kpi = {
      key: 'k',
      name: 'K',
      category: 'Sales',
      kind: 'Lagging',
      unit: 'Count',
      direction: 'Higher is better',
      definition: { object: 'Opportunity', measure: 'count' },
      thresholds: { green: 100, amber: 80 },
      levels: ['Rep'],
      aboveTheLine: false,
      sortOrder: 1,
      active: true
    };
    const result = validateJson(
      kpiMenuSchema,
      { menuYear: 2026, kpis: [kpi, { ...kpi }] },
      'm.json'
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.place)).toEqual(['kpis[1]{k}.key']);
  });

  it('points at the cell of a target CSV that is not a number', () => {
    const text =
      'user,year,kpi,value\nrep1@acme.test,2026,sales_won,1200000\nrep2@acme.test,2026,sales_won,1.2m\n';
    expect(problemsOf(() => parseTargetCsv(text, 'targets.csv'))).toEqual([
      'targets.csv:3:31: value must be a number such as 1200000 or 12.5 (no thousands separators)'
    ]);
  });

  it('reports a duplicate target row at its line', () => {
    const text =
      'user,year,kpi,value\n\nrep1@acme.test,2026,sales_won,1\nrep1@acme.test,2026,sales_won,2\n';
    expect(problemsOf(() => parseTargetCsv(text, 't.csv'))).toEqual([
      't.csv:4:1: duplicate target for user rep1@acme.test, year 2026, KPI sales_won (first on line 3)'
    ]);
  });

  it('rejects an unknown column in the header', () => {
    expect(problemsOf(() => parseTargetCsv('user,year,kpi,value,note\n', 't.csv'))).toEqual([
      't.csv:1:5: unknown column "note" (expected user, year, kpi, value)'
    ]);
  });

  it('keeps quoted cells with commas and reads later cells at the right column', () => {
    const lines = parseTargetCsv('user,year,kpi,value\n"a,b",2026,k,"10"\n', 't.csv');
    expect(lines[0]).toMatchObject({ user: 'a,b', year: 2026, kpi: 'k', value: 10, line: 2 });
    expect(lines[0].places.year).toBe('2:7');
  });
});
