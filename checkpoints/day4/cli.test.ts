// Day 4 checkpoint: `npm run loadtest` prints the results block, and turns bad options away with one line and exit code 2.
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { execa } from 'execa';
import { describe, it } from '../support/requirement.ts';
import { crashCause, fillTheTodo, type Cause } from '../../harness/cause.ts';
import { expectTrue } from '../../harness/check.ts';
import { startCountingServer } from '../../harness/counting-server.ts';
import { shown, targetDir } from '../../harness/learner.ts';
import { loopBlocked } from './event-loop.ts';
import { clockSpin } from './statements.ts';

const file = '04-loadtest/main.ts';

/** The lines of `stderr`, with a stack trace cut down to one line. */
function withoutStack(stderr: string): string[] {
  const lines = stderr.split('\n').filter((line) => !/^Node\.js v\d/.test(line));
  const frames = lines.filter((line) => /^\s+at /.test(line)).length;
  const kept = lines.filter((line) => !/^\s+at /.test(line));
  return frames > 0 ? [...kept, `(a stack trace of ${frames} lines was cut)`] : kept;
}

/** Runs the learner's main.ts as `npm run loadtest -- …args` does. */
async function loadtest(args: string[]) {
  const result = await execa(process.execPath, ['--import', 'tsx', resolve(targetDir, file), ...args], {
    reject: false,
    timeout: 40_000,
    env: { FORCE_COLOR: '0' },
  });
  const transcript = [
    `[grader] $ npm run loadtest -- ${args.join(' ')}`,
    `exit code ${result.exitCode ?? 'none'}${result.timedOut ? ' (still running after 40 s)' : ''}`,
  ];
  if (result.stdout) transcript.push(...result.stdout.split('\n').map((line) => `[your_program] ${line}`));
  if (result.stderr) transcript.push(...withoutStack(result.stderr).map((line) => `[your_program:stderr] ${line}`));
  return { ...result, transcript: `\n${transcript.join('\n')}` };
}

/** The TODO the learner's main.ts stopped at (the pristine scaffold), as a cause and a place to look: both CLI
 *  requirements then read as one problem. Empty when main.ts threw nothing of the kind. */
function todoReached(run: { stderr: string }): { cause?: Cause; where?: string; fix?: string } {
  const match = /Error: (not implemented yet: (\S+).*)$/m.exec(run.stderr);
  if (!match) return {};
  return { cause: crashCause({ message: match[1]! }), where: `${match[2]} in ${shown(file)}`, fix: fillTheTodo };
}

/** A loop of loadtest.ts that waits on the clock without awaiting, as the cause and place the runs in this process
 *  name: it holds main.ts's event loop as it holds the grader's, so its failures here fold under that one ✗. */
function spinning(): { cause?: Cause; where?: string } {
  const spin = clockSpin();
  return spin ? { cause: loopBlocked(spin), where: spin.where } : {};
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe('npm run loadtest', () => {
  it('prints the results block after a run against a server', { meta: { id: 'cli-run' } }, async () => {
    const server = await startCountingServer();
    try {
      const run = await loadtest([
        '--host',
        '127.0.0.1',
        '--port',
        String(server.port),
        '--connections',
        '4',
        '--duration',
        '0.5',
        '--mix',
        '50',
        '--keys',
        '100',
      ]);
      const total = /Total Operations:\s*([\d,]+)/i.exec(run.stdout);
      const ops = total ? Number(total[1]!.replace(/,/g, '')) : 0;
      expectTrue(
        run.exitCode === 0 && /Load Test Results/.test(run.stdout) && total !== null,
        'npm run loadtest did not print the results block with exit code 0.',
        {
          expected: 'exit code 0 and the "=== Load Test Results ===" block on stdout',
          received: run.transcript,
          where: `main in ${shown(file)}`,
          fix: 'Read the options, await runLoadTest(options), then console.log(formatReport(report)).',
          ...todoReached(run),
          ...spinning(),
        },
      );
      expectTrue(ops > 0 && ops <= server.stats.answered, `The printed Total Operations (${ops}) is not what the server answered (${server.stats.answered}).`, {
        expected: `a number from 1 to ${server.stats.answered}`,
        received: run.transcript,
        where: `main in ${shown(file)}`,
        fix: 'Pass --host and --port on to runLoadTest, and --duration in seconds as durationMs in milliseconds.',
        ...spinning(),
      });
    } finally {
      await server.close();
    }
  });

  it('turns bad options away with one line and exit code 2, not a stack trace', { meta: { id: 'cli-bad-options' } }, async () => {
    const port = await deadPort();
    // Every case names a port nobody listens on: a tool that checks its options only after connecting fails with
    // the wrong line here, instead of load-testing whatever listens on 6379.
    const dead = ['--port', String(port)];
    const cases: [args: string[], mentions: string, what: string, example: string][] = [
      [[...dead, '--duration', '-1'], 'duration', 'a negative duration', 'Expected --duration to be a number of seconds from 0.1 to 3600, got "-1".'],
      [[...dead, '--mix', '150'], 'mix', 'a mix over 100', 'Expected --mix to be a number (percent GET) from 0 to 100, got "150".'],
      [
        [...dead, '--connections', '-5'],
        'connections',
        'a negative number of connections',
        'Expected --connections to be a whole number from 1 to 10000, got "-5".',
      ],
      [['--port', 'abc'], 'port', 'a port that is not a number', 'Expected --port to be a whole number from 1 to 65535, got "abc".'],
      [[...dead, '--duration', '1'], String(port), 'a port nobody listens on', `Cannot connect to 127.0.0.1:${port} (ECONNREFUSED). Is the server running?`],
    ];
    const expectTurnedAway = (i: number, run: Awaited<ReturnType<typeof loadtest>>) => {
      const [, mentions, what, example] = cases[i]!;
      const lines = run.stderr.split('\n').filter((line) => line.trim() !== '');
      expectTrue(
        run.exitCode === 2 && lines.length === 1 && lines[0]!.includes(mentions) && !/Load Test Results/.test(run.stdout),
        `For ${what}, npm run loadtest must print one line naming "${mentions}" on stderr and exit with code 2.`,
        {
          expected: `exit code 2 and one line on stderr that mentions ${mentions}, e.g. '${example}'`,
          received: run.transcript,
          where: `parseOptions and the catch at the bottom of ${shown(file)}`,
          fix: 'Check every option before running; catch the error, console.error(error.message) and set process.exitCode = 2. If runLoadTest cannot connect, say which host:port.',
          ...todoReached(run),
        },
      );
    };
    // The first case alone: a main.ts that fails it (still at its TODO, say) is told without starting four more programs.
    expectTurnedAway(0, await loadtest(cases[0]![0]));
    const runs = await Promise.all(cases.slice(1).map(([args]) => loadtest(args)));
    runs.forEach((run, i) => expectTurnedAway(i + 1, run));
  });
});
