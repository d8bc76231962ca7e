/**
 * The target CSV of `plan-targets`: one yearly outcome target per row, columns
 * `user,year,kpi,value` (user = User Id or Username, kpi = a KPI key of the menu). Structure is
 * checked here (every problem at `file:line:column`); users and KPIs are checked against the org.
 */
import { InputError, InputProblem } from '../../cli/errors';
import { parseCsvText } from './files';
import { TARGET_COLUMNS, targetRowSchema, TargetRow } from './schemas';

/** A validated row and where it came from. */
export interface TargetLine extends TargetRow {
  line: number;
  places: Record<string, string>;
}

/** Parses and validates the CSV text; throws InputError listing every problem. */
export function parseTargetCsv(text: string, file: string): TargetLine[] {
  const rows = parseCsvText(text, file, TARGET_COLUMNS);
  const problems: InputProblem[] = [];
  const lines: TargetLine[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const result = targetRowSchema.safeParse(row.cells);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const column = String(issue.path[0] ?? 'user');
        problems.push({
          file,
          place: row.places[column] ?? `${row.line}:1`,
          reason: issue.message
        });
      }
      continue;
    }
    const identity = `${result.data.user}\u0000${result.data.year}\u0000${result.data.kpi}`;
    const first = seen.get(identity);
    if (first !== undefined) {
      problems.push({
        file,
        place: row.places.user,
        reason: `duplicate target for user ${result.data.user}, year ${result.data.year}, KPI ${result.data.kpi} (first on line ${first})`
      });
      continue;
    }
    seen.set(identity, row.line);
    lines.push({ ...result.data, line: row.line, places: row.places });
  }
  if (rows.length === 0)
    problems.push({ file, place: '2:1', reason: 'no targets (only a header row)' });
  if (problems.length > 0) throw new InputError(problems);
  return lines;
}
