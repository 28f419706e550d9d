/** A tiny benchmark harness: named metrics, a printed table, and bench-results.json in the contract's shape. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../support/paths';

interface Metric { readonly key: string; readonly value: number; readonly unit: string; readonly note: string }

export class Bench {
  private readonly metrics: Metric[] = [];

  /** Records `area.name` (e.g. `core.corpusPapers`). */
  record(key: string, value: number, unit: string, note = ''): void {
    this.metrics.push({ key, value, unit, note });
  }

  print(): void {
    const rows = this.metrics.map((metric) => [metric.key, formatNumber(metric.value), metric.unit, metric.note]);
    const widths = [0, 1, 2, 3].map((column) => Math.max(...[['metric', 'value', 'unit', 'how'], ...rows].map((row) => (row[column] ?? '').length)));
    const line = (row: string[]): string => row.map((cell, column) => (column === 1 ? cell.padStart(widths[1] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd();
    console.log(line(['metric', 'value', 'unit', 'how']));
    console.log(widths.map((width) => '-'.repeat(width)).join('  '));
    rows.forEach((row) => console.log(line(row)));
  }

  /** Writes `{area: {name: value}}` to bench-results.json at the project root. */
  write(): string {
    const results: Record<string, Record<string, number>> = {};
    for (const metric of this.metrics) {
      const [area, ...rest] = metric.key.split('.');
      (results[area as string] ??= {})[rest.join('.')] = metric.value;
    }
    const path = join(root, 'bench-results.json');
    writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
    return path;
  }
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
}

/** Runs `work` `warmup` times untimed, then `runs` times; returns each run's milliseconds. */
export function time(work: () => void, runs: number, warmup = 1): number[] {
  for (let index = 0; index < warmup; index++) {
    work();
  }
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return samples;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
