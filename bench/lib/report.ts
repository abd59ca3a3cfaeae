import type { Figures } from './load.ts';

export interface RunReport {
  scenario: string;
  description: string;
  /** The scenario first, then its compare variant when it has one. */
  rows: Figures[];
  /** gateway rps / baseline rps, per row. */
  vsBaseline: Record<string, number>;
  /** compare rps / scenario rps, when there is a compare variant. */
  compareVsScenario?: number;
}

const COLUMNS: { title: string; cell(f: Figures): string }[] = [
  { title: 'target', cell: (f) => f.name },
  { title: 'req/s', cell: (f) => f.rps.toFixed(1) },
  { title: 'p50 ms', cell: (f) => ms(f.latencyP50Ms) },
  { title: 'p99 ms', cell: (f) => ms(f.latencyP99Ms) },
  { title: 'requests', cell: (f) => String(f.requests) },
  { title: 'non-2xx', cell: (f) => String(f.non2xx) },
  { title: 'gql errors', cell: (f) => String(f.graphqlErrors) },
  { title: 'conn errors', cell: (f) => String(f.connectionErrors) },
  { title: 'upstream/req', cell: (f) => (f.upstreamPerRequest === null ? '-' : f.upstreamPerRequest.toFixed(2)) },
  { title: 'peak RSS MB', cell: (f) => f.peakRssMb.toFixed(1) },
];

function ms(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Text table: first column left-aligned, numbers right-aligned. */
export function table(rows: Figures[]): string {
  const cells = [COLUMNS.map((c) => c.title), ...rows.map((row) => COLUMNS.map((c) => c.cell(row)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((line) => line[i]!.length)));
  return cells
    .map((line) => line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '))
    .join('\n');
}

function upstreamLine(f: Figures): string | undefined {
  if (!f.upstreamCalls) return undefined;
  const parts = Object.entries(f.upstreamCalls)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, n]) => `${path} ${n}`);
  return `upstream calls (${f.name}): ${parts.length ? parts.join(', ') : 'none'}`;
}

export function renderRun(run: RunReport, baseline: Figures, settingsLine: string): string {
  const lines = [`${run.scenario}: ${run.description}`, settingsLine, '', table([...run.rows, baseline]), ''];
  for (const row of run.rows) lines.push(`${row.name} / baseline: ${run.vsBaseline[row.name]!.toFixed(3)} (req/s ratio)`);
  if (run.compareVsScenario !== undefined && run.rows[1])
    lines.push(`${run.rows[1].name} / ${run.scenario}: ${run.compareVsScenario.toFixed(3)} (req/s ratio)`);
  for (const row of run.rows) {
    const line = upstreamLine(row);
    if (line) lines.push(line);
  }
  return lines.join('\n');
}
