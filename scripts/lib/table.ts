/**
 * Plain-text tables for terminal summaries, and the two other output formats the commands share
 * (Markdown tables and CSV).
 */

/** A number already formatted for people (`€495,800`): shown as is, right-aligned like numbers. */
export interface Figure {
  figure: string;
}

/** A cell: text, a number or a figure (numbers and figures are right-aligned). */
export type Cell = string | number | Figure | null | undefined;

/** Marks formatted text as a number, for alignment. */
export function figure(text: string): Figure {
  return { figure: text };
}

function text(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'object' ? cell.figure : String(cell);
}

function isNumeric(cell: Cell): boolean {
  return typeof cell === 'number' || (typeof cell === 'object' && cell !== null);
}

/** A fixed-width table with a header rule; numbers right-aligned. */
export function renderTable(
  headers: readonly string[],
  rows: ReadonlyArray<readonly Cell[]>
): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => text(row[column]).length))
  );
  const line = (cells: readonly Cell[]): string =>
    cells
      .map((cell, column) =>
        isNumeric(cell) ? text(cell).padStart(widths[column]) : text(cell).padEnd(widths[column])
      )
      .join('  ')
      .trimEnd();
  return (
    [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') +
    '\n'
  );
}

/** A GitHub-flavoured Markdown table (pipes in cells escaped). */
export function renderMarkdownTable(
  headers: readonly string[],
  rows: ReadonlyArray<readonly Cell[]>
): string {
  const escape = (cell: Cell): string => text(cell).replace(/\|/g, '\\|');
  const align = (column: number): string =>
    rows.some((row) => isNumeric(row[column])) ? '---:' : '---';
  return (
    [
      `| ${headers.map(escape).join(' | ')} |`,
      `| ${headers.map((_, column) => align(column)).join(' | ')} |`,
      ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`)
    ].join('\n') + '\n'
  );
}

/** RFC 4180 CSV with a header row. */
export function renderCsv(
  headers: readonly string[],
  rows: ReadonlyArray<readonly Cell[]>
): string {
  const escape = (cell: Cell): string => {
    const value = text(cell);
    return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  return [headers, ...rows].map((row) => row.map(escape).join(',')).join('\n') + '\n';
}
