// Day 5 stretch, graded as a bonus: RESP, so redis-cli and redis-benchmark drive the learner's server, and the load tester drives Redis.
// A bonus never fails the day: what is not there yet is reported as skipped, with a note saying what came back.
import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, describe, it } from 'vitest';
import { withTimeout } from '../support/async.ts';
import { learnerModule, shown } from '../support/learner.ts';
import { recordMetric } from '../support/metrics.ts';
import { commandsProcessed, findTool, installRedis, startRedis } from '../support/redis.ts';
import { makeRandom, randomWords } from '../support/seed.ts';
import { learnerServer, ops, stopServer } from './helpers.ts';

const run = promisify(execFile);
const notYet = (what: string) => `bonus, not yet: ${what} — see "Stretch: speak RESP" in days/05-performance/README.md`;
const missing = (tool: string) => `bonus, skipped: ${tool} is not installed (${installRedis.replace(/^real Redis is not installed, so this comparison was skipped\. /, '')})`;

afterAll(stopServer);

/** What the learner's server answers to a RESP `PING` (the first byte `*` should switch the connection to RESP). */
async function respPing(port: number): Promise<string> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    const finish = () => {
      socket.destroy();
      done(reply);
    };
    socket.on('connect', () => socket.write('*1\r\n$4\r\nPING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('utf8');
      if (reply.includes('\n')) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    setTimeout(finish, 1000);
  });
}

let speaksResp: Promise<string | undefined> | undefined;

/** undefined when the server answers RESP PING with +PONG; otherwise what it said instead. */
function respProblem(): Promise<string | undefined> {
  speaksResp ??= learnerServer().then(
    async (server) => {
      const reply = await respPing(server.port);
      return reply === '+PONG\r\n' ? undefined : `a RESP PING (*1\\r\\n$4\\r\\nPING\\r\\n) got ${JSON.stringify(reply)}, expected "+PONG\\r\\n"`;
    },
    (error: Error) => `your server did not start (${error.message.split('\n')[0]})`,
  );
  return speaksResp;
}

/** redis-benchmark -t get,set against `port`, as requests per second for GET and SET. */
async function benchmark(port: number): Promise<{ get: number; set: number }> {
  const { stdout } = await run(findTool('redis-benchmark')!, ['-h', '127.0.0.1', '-p', String(port), '-t', 'get,set', '-n', '50000', '-c', '50', '--csv'], { timeout: 30_000 });
  const rps = (name: string) => Number(new RegExp(`^"${name}","([\\d.]+)"`, 'm').exec(stdout)?.[1] ?? Number.NaN);
  return { get: rps('GET'), set: rps('SET') };
}

describe('Stretch (bonus): RESP beside the text protocol', () => {
  it('answers a RESP PING with +PONG, choosing the protocol by the first byte', async (context) => {
    const problem = await respProblem();
    if (problem) context.skip(notYet(problem));
  });

  it('answers a redis-cli session: SET, GET, DEL, and (nil) for a missing key', async (context) => {
    const cli = findTool('redis-cli');
    if (!cli) return context.skip(missing('redis-cli'));
    const problem = await respProblem();
    if (problem) return context.skip(notYet(problem));
    const { port } = await learnerServer();
    const [key, value] = randomWords(makeRandom(), 2) as [string, string];
    const steps: [string[], string][] = [
      [['SET', key, value], 'OK'],
      [['GET', key], `"${value}"`],
      [['DEL', key], '(integer) 1'],
      [['GET', key], '(nil)'],
    ];
    const transcript: string[] = [];
    for (const [args, expected] of steps) {
      transcript.push(`[client] $ redis-cli -p ${port} ${args.join(' ')}`);
      const received = await run(cli, ['-h', '127.0.0.1', '-p', String(port), '--no-raw', ...args], { timeout: 5000 }).then(
        ({ stdout }) => stdout.trim(),
        (error: Error) => `(redis-cli failed: ${error.message.split('\n')[0]})`,
      );
      transcript.push(`Received: ${JSON.stringify(received)}`);
      if (received !== expected) return context.skip(notYet(`expected ${JSON.stringify(expected)}; ${transcript.join(' · ')} (look at execute in ${shown('05-performance/resp.ts')})`));
    }
  });

  it('serves redis-benchmark -t get,set, side by side with real Redis', async (context) => {
    if (!findTool('redis-benchmark')) return context.skip(missing('redis-benchmark'));
    if (!findTool('redis-server')) return context.skip(missing('redis-server'));
    const problem = await respProblem();
    if (problem) return context.skip(notYet(problem));
    const { port } = await learnerServer();
    const yours = await benchmark(port).catch((error: Error) => error);
    if (yours instanceof Error) return context.skip(notYet(`redis-benchmark against your server failed: ${yours.message.split('\n').slice(0, 3).join(' ')}`));
    const redis = await startRedis();
    try {
      const theirs = await benchmark(redis.port);
      recordMetric(context.task, 'resp.benchmark.get.opsPerSec', { value: Math.round(yours.get) });
      recordMetric(context.task, 'resp.benchmark.set.opsPerSec', { value: Math.round(yours.set) });
      recordMetric(context.task, 'resp.benchmark.redis.get.opsPerSec', { value: Math.round(theirs.get) });
      recordMetric(context.task, 'resp.benchmark.redis.set.opsPerSec', { value: Math.round(theirs.set) });
      recordMetric(context.task, 'resp.benchmark.ratio', { value: Math.round(((yours.get + yours.set) / (theirs.get + theirs.set)) * 100) / 100 });
    } finally {
      redis.stop();
    }
  });

  it('your load tester reads RESP replies, so it can drive real Redis', async (context) => {
    if (!findTool('redis-server')) return context.skip(missing('redis-server'));
    type Tester = { runLoadTest: (options: Record<string, unknown>) => Promise<{ totalOps: number; errors: number; opsPerSec: number }> };
    const tester = await learnerModule<Tester>('04-loadtest/loadtest.ts', ['runLoadTest']).catch((error: Error) => error);
    if (tester instanceof Error) return context.skip(notYet(tester.message.split('\n')[0]!));
    const { runLoadTest } = tester;
    const redis = await startRedis();
    try {
      const before = await commandsProcessed(redis.port);
      const options = { host: '127.0.0.1', port: redis.port, connections: 10, durationMs: 1000, getRatio: 0.8, keySpace: 100, pipeline: 4 };
      const report = await withTimeout(runLoadTest(options), 10_000, 'Your load tester did not finish a 1 s run against real Redis within 10 s.').catch((error: Error) => error);
      if (report instanceof Error) return context.skip(notYet(report.message.split('\n')[0]!));
      const processed = (await commandsProcessed(redis.port)) - before - 1;
      // A tool that reads `$5`, then the value, as two replies reports more operations than Redis ever processed.
      if (report.errors > 0 || report.totalOps <= 0 || report.totalOps > processed + options.connections * options.pipeline) {
        return context.skip(notYet(`against real Redis your load tester reported ${ops(report.totalOps)} operations and ${report.errors} errors, while Redis processed ${ops(processed)} commands (a GET that finds a value is answered "$5\\r\\nvalue\\r\\n": one reply over two lines)`));
      }
      recordMetric(context.task, 'resp.loadtest.redis.opsPerSec', { value: Math.round(report.opsPerSec) });
    } finally {
      redis.stop();
    }
  });
});
