// Day 4 checkpoint: formatReport prints the guide's "=== Load Test Results ===" block with the report's own figures.
import { describe, it } from '../support/requirement.ts';
import { expectTrue } from '../../harness/check.ts';
import { learnerModule, shown } from '../../harness/learner.ts';
import { makeRandom } from '../../harness/seed.ts';

type LoadModule = typeof import('@learner/04-loadtest/loadtest.ts');
const file = '04-loadtest/loadtest.ts';

/** The figure after `label:` on its own line (commas removed), with how many decimals it was shown with. */
function figure(text: string, label: RegExp): { value: number; decimals: number } | undefined {
  for (const line of text.split('\n')) {
    const match = new RegExp(`^\\s*${label.source}\\s*:\\s*([\\d,]*\\.?\\d+)`, 'i').exec(line);
    if (!match) continue;
    const digits = match[1]!.replace(/,/g, '');
    return { value: Number(digits), decimals: digits.includes('.') ? digits.split('.')[1]!.length : 0 };
  }
  return undefined;
}

describe('formatReport', () => {
  it("prints the guide's results block with the report's figures", { meta: { id: 'results-block' } }, async () => {
    const { formatReport } = await learnerModule<LoadModule>(file, ['formatReport']);
    const random = makeRandom();
    const durationMs = 10_000 + Math.floor(random() * 400);
    const totalOps = 400_000 + Math.floor(random() * 300_000);
    const report = {
      durationMs,
      totalOps,
      errors: 1 + Math.floor(random() * 40),
      opsPerSec: totalOps / (durationMs / 1000),
      avgLatencyMs: 0.5 + random(),
      p50LatencyMs: 0.3 + random() * 0.2,
      p99LatencyMs: 2 + random() * 3,
    };
    const text = formatReport(report);
    const where = `formatReport in ${shown(file)}`;
    const shownText = `\n${text}`;
    expectTrue(/^\s*=+\s*Load Test Results\s*=+\s*$/m.test(text), 'The block must start with the line "=== Load Test Results ===".', {
      expected: '=== Load Test Results ===',
      received: shownText,
      where,
    });
    const rows: [name: string, label: RegExp, value: number, unit: string][] = [
      ['Duration', /Duration/, report.durationMs / 1000, 'seconds, e.g. "Duration: 10.02s"'],
      ['Total Operations', /Total Operations/, report.totalOps, 'e.g. "Total Operations: 650,000"'],
      ['Errors', /Errors/, report.errors, 'e.g. "Errors: 0"'],
      ['Throughput', /Throughput/, report.opsPerSec, 'ops/sec, e.g. "Throughput: 65,000 ops/sec"'],
      ['Avg Latency', /Avg Latency/, report.avgLatencyMs, 'milliseconds, e.g. "Avg Latency: 0.770 ms"'],
      ['P50 Latency', /p50(?: Latency)?/, report.p50LatencyMs, 'milliseconds, e.g. "P50 Latency: 0.012 ms"'],
      ['P99 Latency', /p99(?: Latency)?/, report.p99LatencyMs, 'milliseconds, e.g. "P99 Latency: 0.080 ms"'],
    ];
    for (const [name, label, value, unit] of rows) {
      const found = figure(text, label);
      expectTrue(found !== undefined, `The block has no "${name}:" line.`, { expected: `a line "${name}: …" in ${unit}`, received: shownText, where });
      const slack = 0.5 * 10 ** -found!.decimals + 1e-9;
      expectTrue(
        Math.abs(found!.value - value) <= Math.max(slack, Math.abs(value) * 0.005),
        `"${name}" shows ${found!.value}, but the report holds ${value}.`,
        {
          expected: `${name}: ${value} (rounded as you like), in ${unit}`,
          received: shownText,
          where,
          fix: 'Print the figures of the report you were given; durationMs is in milliseconds but the line shows seconds.',
        },
      );
    }
  });
});
