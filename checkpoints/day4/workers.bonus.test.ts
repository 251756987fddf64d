// Day 4 stretch, graded as a bonus (a failure here does not fail the day): `npm run loadtest -- --workers N` spreads
// the connections over worker threads and still reports what the counting server counted — counts are added up
// across threads, ERR replies too. Run only when the required honesty checks passed (course/days.ts preconditions).
import { resolve } from 'node:path';
import { execa } from 'execa';
import { describe, it } from '../support/requirement.ts';
import { expectTrue } from '../../harness/check.ts';
import { startCountingServer } from '../../harness/counting-server.ts';
import { shown, targetDir } from '../../harness/learner.ts';
import { between } from './asked.ts';
import { count } from './story.ts';

const file = '04-loadtest/main.ts';
const where = `how ${shown(file)} passes --workers on, and how ${shown('04-loadtest/loadtest.ts')} adds up the threads' counts`;

/** The figure printed after `label:` in the results block (commas allowed), or undefined. */
function printed(stdout: string, label: string): number | undefined {
  const match = new RegExp(`${label}:\\s*([\\d,]+)`, 'i').exec(stdout);
  return match ? Number(match[1]!.replace(/,/g, '')) : undefined;
}

describe('Stretch (bonus): --workers', () => {
  it('with --workers 2, reports exactly the operations and the ERR replies the counting server counted', { meta: { id: 'workers-honest' } }, async () => {
    const errorEvery = between(7, 13);
    const connections = 6;
    const server = await startCountingServer({ latencyMs: 1, errorEvery });
    try {
      const args = [
        '--host',
        '127.0.0.1',
        '--port',
        String(server.port),
        '--connections',
        String(connections),
        '--duration',
        '0.5',
        '--mix',
        '80',
        '--keys',
        '100',
        '--workers',
        '2',
      ];
      const run = await execa(process.execPath, ['--import', 'tsx', resolve(targetDir, file), ...args], {
        reject: false,
        timeout: 30_000,
        env: { FORCE_COLOR: '0' },
      });
      const s = server.stats;
      const transcript = [
        `[grader] counting server on 127.0.0.1:${server.port}, 1 ms latency per command, every ${errorEvery}th command answered "ERR injected failure"`,
        `[grader] $ npm run loadtest -- ${args.join(' ')}`,
        `exit code ${run.exitCode ?? 'none'}${run.timedOut ? ' (still running after 30 s)' : ''}`,
        ...`${run.stdout}`
          .split('\n')
          .filter(Boolean)
          .map((line) => `[your_program] ${line}`),
        ...`${run.stderr}`
          .split('\n')
          .filter(Boolean)
          .slice(0, 5)
          .map((line) => `[your_program:stderr] ${line}`),
        `[server] answered ${count(s.answered)} commands and ${count(s.errors)} with ERR; ${count(s.opened)} connections opened, at most ${count(s.maxOpen)} at once`,
      ].join('\n');
      const ops = printed(run.stdout, 'Total Operations');
      const errors = printed(run.stdout, 'Errors');
      expectTrue(
        run.exitCode === 0 && ops !== undefined && errors !== undefined,
        'npm run loadtest -- --workers 2 did not print the results block with exit code 0.',
        {
          expected: 'exit code 0 and the "=== Load Test Results ===" block, as without --workers',
          received: transcript,
          where,
          fix: 'Accept --workers N (a whole number from 1 up), pass it to runLoadTest as `workers`, and start that many worker threads, each running its share of the connections (days/04-loadtest/README.md, "Stretch: more than one core").',
        },
      );
      expectTrue(
        ops! <= s.answered && s.answered - ops! <= connections,
        `With --workers 2, the printed Total Operations (${count(ops!)}) is not what the server answered (${count(s.answered)}).`,
        {
          expected: `from ${count(s.answered - connections)} to ${count(s.answered)} (at most one request per connection in flight at the deadline)`,
          received: transcript,
          where,
          fix: "Add up every worker's totalOps once, after it reports: a thread counts only its own connections, and the main thread knows nothing of them unless the worker sends its figures back (postMessage) or adds to memory shared on purpose (SharedArrayBuffer + Atomics.add).",
        },
      );
      expectTrue(
        errors! <= s.errors && s.errors - errors! <= connections,
        `With --workers 2, the printed Errors (${count(errors!)}) are not the ERR replies the server wrote (${count(s.errors)}).`,
        {
          expected: `from ${count(s.errors - connections)} to ${count(s.errors)}`,
          received: transcript,
          where,
          fix: "Add up every worker's errors as well as its operations.",
        },
      );
      expectTrue(
        s.opened <= connections + 2 && s.maxOpen >= connections,
        `With --workers 2, the server saw ${count(s.opened)} connections opened, at most ${count(s.maxOpen)} at once; ${connections} were asked for.`,
        {
          expected: `${connections} connections in all, split between the threads (say 3 and 3), all open at once`,
          received: transcript,
          where,
          fix: 'Give each worker its share of --connections (not all of them each): together they open the number asked for.',
        },
      );
    } finally {
      await server.close();
    }
  });
});
