/**
 * Reading input files so that every failure names the file and the place: JSON syntax errors
 * with line and column, CSV cells with line and column.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { InputError } from '../../cli/errors';

/** Line and column (1-based) of a character offset in a text. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${line}:${column}`;
}

/** Reads a file as UTF-8, or throws InputError naming it. */
export function readText(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputError([
      {
        file,
        place: '',
        reason: code === 'ENOENT' ? 'file not found' : `cannot read: ${(error as Error).message}`
      }
    ]);
  }
}

/** V8's (Node 22) position suffix: "… in JSON at position 37 (line 3 column 12)" ("after JSON at …"). */
const JSON_POSITION = / (?:in JSON )?at position (\d+)(?: \(line \d+ column \d+\))?$/;
/** V8's context suffix of an unexpected token: `, "…[,]…" is not valid JSON` (no position). */
const JSON_CONTEXT = /, (?:\.\.\.)?".*" is not valid JSON$/s;
const JSON_END = /^Unexpected end of JSON input$/;

/** True when `JSON.parse` of the first `length` characters fails before their end. */
function failsWithin(source: string, length: number): boolean {
  try {
    JSON.parse(source.slice(0, length));
    return false;
  } catch (error) {
    const message = (error as Error).message;
    if (JSON_END.test(message)) return false;
    const match = JSON_POSITION.exec(message);
    return !match || Number(match[1]) < length;
  }
}

/**
 * The offset V8 found the error at. Most of its messages carry it; "Unexpected token" ones show
 * a snippet instead, so the offset is found as the shortest prefix that already fails (every
 * shorter one is a valid start of JSON): a binary search of V8's own parser, no JSON grammar here.
 */
function jsonErrorOffset(source: string, message: string): number {
  const match = JSON_POSITION.exec(message);
  if (match) return Number(match[1]);
  if (JSON_END.test(message)) return source.length;
  let low = 1;
  let high = source.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsWithin(source, middle)) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}

/**
 * Parses JSON text (a leading byte-order mark is allowed: editors on Windows write one); a
 * syntax error becomes an InputError at `line:column`, with V8's reason.
 */
export function parseJsonText(text: string, file: string): unknown {
  const source = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const reason = message.replace(JSON_POSITION, '').replace(JSON_CONTEXT, '');
    throw new InputError([
      {
        file,
        place: lineColumn(source, jsonErrorOffset(source, message)),
        reason: `malformed JSON: ${reason}`
      }
    ]);
  }
}

/** Reads and parses a JSON file (problems name the file and place). */
export function readJsonFile(file: string, cwd: string): unknown {
  return parseJsonText(readText(file, cwd), file);
}

/** A CSV data row: its cells by column name, and where each cell starts (`line:column`). */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
  places: Record<string, string>;
}

/**
 * Parses CSV text with a header row. Cells are trimmed; blank lines skipped. Each cell keeps
 * its `line:column` so validation can point at it.
 */
export function parseCsvText(
  text: string,
  file: string,
  requiredColumns: readonly string[]
): CsvRow[] {
  let records: string[][];
  try {
    records = parseCsv(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true
    }) as string[][];
  } catch (error) {
    const e = error as { message: string; lines?: number; column?: number };
    throw new InputError([
      { file, place: e.lines ? `${e.lines}` : '', reason: `malformed CSV: ${e.message}` }
    ]);
  }
  if (records.length === 0)
    throw new InputError([{ file, place: '1:1', reason: 'empty file (a header row is required)' }]);
  // Recover the physical line of each record: csv-parse skipped blank lines; quoted cells may span lines.
  const lines = physicalLines(text);
  const header = records[0].map((h) => h.trim());
  const headerProblem = spreadsheetHeaderProblem(header, requiredColumns);
  if (headerProblem) throw new InputError([{ file, place: '1:1', reason: headerProblem }]);
  const missing = requiredColumns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new InputError([
      {
        file,
        place: '1:1',
        reason: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (the header must name ${requiredColumns.join(', ')})`
      }
    ]);
  }
  const unknown = header.filter((h) => !requiredColumns.includes(h));
  if (unknown.length > 0) {
    throw new InputError([
      {
        file,
        place: `1:${header.indexOf(unknown[0]) + 1}`,
        reason: `unknown column "${unknown[0]}" (expected ${requiredColumns.join(', ')})`
      }
    ]);
  }
  return records.slice(1).map((record, index) => {
    const line = lines[index + 1]?.line ?? index + 2;
    const starts = lines[index + 1]?.starts ?? [];
    const cells: Record<string, string> = {};
    const places: Record<string, string> = {};
    header.forEach((column, c) => {
      cells[column] = (record[c] ?? '').trim();
      places[column] = `${line}:${(starts[c] ?? 0) + 1}`;
    });
    return { line, cells, places };
  });
}

/**
 * The two ways a spreadsheet's export misses the expected header, said as such: values separated
 * by `;` (what Excel writes in locales with a decimal comma) and column names not in lower case.
 */
function spreadsheetHeaderProblem(
  header: readonly string[],
  requiredColumns: readonly string[]
): string | undefined {
  if (header.length === 1 && header[0].includes(';'))
    return (
      `the values are separated by ";": this file needs "," between values ` +
      `(${requiredColumns.join(',')}); in a spreadsheet, save as "CSV UTF-8 (comma delimited)"`
    );
  const renames = header
    .filter((name) => !requiredColumns.includes(name))
    .map((name) => [name, requiredColumns.find((c) => c === name.toLowerCase())] as const)
    .filter((pair): pair is readonly [string, string] => pair[1] !== undefined);
  if (renames.length === 0) return undefined;
  return `column names are lower case: rename ${renames.map(([from, to]) => `"${from}" to "${to}"`).join(', ')}`;
}

/** Line number and cell start columns of each non-blank record (simple scan, honours quotes). */
function physicalLines(text: string): Array<{ line: number; starts: number[] }> {
  const out: Array<{ line: number; starts: number[] }> = [];
  let line = 1;
  let column = 0;
  let quoted = false;
  let current: { line: number; starts: number[] } | undefined;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i];
    if (!current && ch !== '\n' && ch !== '\r') current = { line, starts: [column] };
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted && current) current.starts.push(column + 1);
    else if (ch === '\n') {
      if (!quoted && current) {
        out.push(current);
        current = undefined;
      }
      line += 1;
      column = 0;
      continue;
    }
    column += 1;
  }
  if (current) out.push(current);
  return out;
}
