// Day 5 stretch, graded as a bonus (a failure here does not fail the day): RESP, so redis-cli and redis-benchmark
// drive the learner's server, and the learner's load tester drives real Redis. A missing Redis tool skips with an install line.
import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { afterAll } from 'vitest';
import { describe, it } from '../support/requirement.ts';
import { withTimeout } from '../../harness/async.ts';
import { CheckError } from '../../harness/check.ts';
import { learnerModule, shown } from '../../harness/learner.ts';
import { recordMetric } from '../support/metrics.ts';
import { commandsProcessed, findTool, installRedis, startRedis } from '../../harness/redis.ts';
import { startRespProxy, seedRedis } from '../../harness/resp-proxy.ts';
import { makeRandom, randomWords } from '../../harness/seed.ts';
import { type BenchmarkFigures, readBenchmark, unreadable } from './benchmark-output.ts';
import { learnerServer, ops, stopServer } from './helpers.ts';

const run = promisify(execFile);
const resp = '05-performance/resp.ts';
const loadtest = '04-loadtest/loadtest.ts';
const missing = (tool: string) => `${tool} is not installed, so this bonus was skipped. ${installRedis.replace(/^.*?skipped\. /, '')}`;

/** A bonus requirement that does not hold yet. */
function notYet(headline: string, advice: { received?: string; where?: string } = {}): CheckError {
  return new CheckError(headline, {
    where: `serveResp / execute in ${shown(resp)}`,
    fix: 'Read "Stretch: speak RESP" in days/05-performance/README.md.',
    ...advice,
  });
}

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
      if (reply === '+PONG\r\n') return undefined;
      const how =
        reply === ''
          ? 'nothing within 1 s'
          : /^PONG\r?\n$|^ERR /.test(reply)
            ? `${JSON.stringify(reply)}: a text-protocol reply, so the connection was not switched to RESP`
            : JSON.stringify(reply);
      return `${how}\n(the grader sent "*1\\r\\n$4\\r\\nPING\\r\\n" as the connection's first bytes and expected "+PONG\\r\\n")`;
    },
    (error: Error) => `your server did not start: ${error.message.split('\n')[0]}`,
  );
  return speaksResp;
}

/** redis-benchmark -t get,set against `port` (the learner's server or real Redis), as requests per second for GET and SET;
 *  output that cannot be read is a failure of its own, never a NaN figure. */
async function benchmark(port: number, against: string): Promise<BenchmarkFigures> {
  const { stdout } = await run(findTool('redis-benchmark')!, ['-h', '127.0.0.1', '-p', String(port), '-t', 'get,set', '-n', '25000', '-c', '50', '--csv'], {
    timeout: 30_000,
  });
  const figures = readBenchmark(stdout);
  if (!figures) throw unreadable(stdout, against);
  return figures;
}

describe('Stretch (bonus): RESP beside the text protocol', () => {
  it('answers a RESP PING with +PONG, choosing the protocol by the first byte', { meta: { id: 'resp-ping' } }, async () => {
    const problem = await respProblem();
    if (problem) throw notYet('Your server does not answer RESP yet: a connection starting with `*` should get +PONG for PING.', { received: problem });
  });

  it(
    'answers a redis-cli session: SET, GET, DEL, (nil) for a missing key, 0 for deleting one, and a value with accents',
    { meta: { id: 'redis-cli' } },
    async (context) => {
      const cli = findTool('redis-cli');
      if (!cli) return context.skip(missing('redis-cli'));
      if (await respProblem()) throw notYet('Needs RESP first (see the PING requirement above).');
      const { port } = await learnerServer();
      const [key, value, other] = randomWords(makeRandom(), 3) as [string, string, string];
      // A value with two-byte characters: a bulk reply's length counts bytes (redis-cli prints them as \xHH).
      const accented = `${value}-café`;
      const steps: [string[], string][] = [
        [['SET', key, value], 'OK'],
        [['GET', key], `"${value}"`],
        [['DEL', key], '(integer) 1'],
        [['GET', key], '(nil)'],
        [['DEL', key], '(integer) 0'],
        [['SET', other, accented], 'OK'],
        [['GET', other], `"${value}-caf\\xc3\\xa9"`],
      ];
      const transcript: string[] = [];
      for (const [args, expected] of steps) {
        transcript.push(`[client] $ redis-cli -p ${port} ${args.join(' ')}`);
        const received = await run(cli, ['-h', '127.0.0.1', '-p', String(port), '--no-raw', ...args], { timeout: 5000 }).then(
          ({ stdout }) => stdout.trim(),
          (error: Error) => `(redis-cli failed: ${error.message.split('\n')[0]})`,
        );
        transcript.push(`Received: ${JSON.stringify(received)}`);
        if (received !== expected)
          throw notYet(`redis-cli printed ${JSON.stringify(received)}, expected ${JSON.stringify(expected)}.\n${transcript.join('\n')}`, {
            where: `execute in ${shown(resp)}`,
          });
      }
    },
  );

  it('serves redis-benchmark -t get,set, side by side with real Redis', { meta: { id: 'redis-benchmark' } }, async (context) => {
    if (!findTool('redis-benchmark')) return context.skip(missing('redis-benchmark'));
    if (!findTool('redis-server')) return context.skip(missing('redis-server'));
    if (await respProblem()) throw notYet('Needs RESP first (see the PING requirement above).');
    const { port } = await learnerServer();
    const yours = await benchmark(port, 'your server').catch((error: Error) => error);
    if (yours instanceof CheckError) throw yours;
    if (yours instanceof Error)
      throw notYet('redis-benchmark -t get,set against your server did not complete.', { received: yours.message.split('\n').slice(0, 3).join('\n') });
    const redis = await startRedis();
    try {
      const theirs = await benchmark(redis.port, 'real Redis');
      recordMetric(context.task, 'resp.benchmark.get.opsPerSec', { value: Math.round(yours.get) });
      recordMetric(context.task, 'resp.benchmark.set.opsPerSec', { value: Math.round(yours.set) });
      recordMetric(context.task, 'resp.benchmark.redis.get.opsPerSec', { value: Math.round(theirs.get) });
      recordMetric(context.task, 'resp.benchmark.redis.set.opsPerSec', { value: Math.round(theirs.set) });
      recordMetric(context.task, 'resp.benchmark.ratio', { value: Math.round(((yours.get + yours.set) / (theirs.get + theirs.set)) * 100) / 100 });
    } finally {
      redis.stop();
    }
  });

  it("drives real Redis with your load tester, and its count agrees with Redis's own", { meta: { id: 'drives-redis' } }, async (context) => {
    if (!findTool('redis-server')) return context.skip(missing('redis-server'));
    type Tester = { runLoadTest: (options: Record<string, unknown>) => Promise<{ totalOps: number; errors: number; opsPerSec: number }> };
    const { runLoadTest } = await learnerModule<Tester>(loadtest, ['runLoadTest']);
    const redis = await startRedis();
    // Between your tester and Redis: a proxy that cuts every reply chunk after its first line and counts, with the
    // grader's RESP reader, the replies and errors it passed on. Keys hold two-line values, lists (GET → -WRONGTYPE) or nothing ($-1).
    const proxy = await startRespProxy(redis.port);
    try {
      const options = { host: '127.0.0.1', port: proxy.port, connections: 10, durationMs: 1000, getRatio: 0.8, keySpace: 10_000, protocol: 'resp' };
      await seedRedis(redis.port, options.keySpace);
      const before = await commandsProcessed(redis.port);
      const report = await withTimeout(runLoadTest(options), 10_000, 'Your load tester did not finish a 1 s run against real Redis within 10 s.', {
        where: `runLoadTest in ${shown(loadtest)}`,
      });
      await new Promise((done) => setTimeout(done, 100)); // the last replies in flight reach the proxy
      const processed = (await commandsProcessed(redis.port)) - before - 1;
      const sent = proxy.delivered();
      const slack = options.connections; // a reply per connection may arrive after the tester stopped counting
      const counted = report.totalOps + report.errors;
      const transcript = `Redis processed ${ops(processed)} commands and sent ${ops(sent.replies)} replies, ${ops(sent.errors)} of them errors (-WRONGTYPE); your load tester reported ${ops(report.totalOps)} operations and ${ops(report.errors)} errors.`;
      const reading =
        'Redis replies in RESP: +OK for SET; for GET $<n>\\r\\n then n bytes and \\r\\n (a bulk string, which may itself hold \\r\\n), $-1 for a missing key, -WRONGTYPE … for a key of another type';
      const where = `how runLoadTest in ${shown(loadtest)} reads replies (options.protocol is 'resp' here)`;
      if (report.totalOps <= 0) throw notYet(`Against real Redis your load tester counted no operations. ${transcript}`, { received: reading, where });
      if (counted > sent.replies + slack) {
        throw notYet(
          `Your load tester counted ${ops(counted - sent.replies)} more replies than Redis sent: it reads lines, not RESP replies (a bulk string that holds \\r\\n is one reply). ${transcript}`,
          { received: reading, where },
        );
      }
      if (Math.abs(report.errors - sent.errors) > slack) {
        throw notYet(
          `Your load tester reported ${ops(report.errors)} errors where Redis answered ${ops(sent.errors)} with an error reply (a line starting with -). ${transcript}`,
          { received: reading, where },
        );
      }
      if (counted < sent.replies - slack) {
        throw notYet(
          `Your load tester counted ${ops(sent.replies - counted)} fewer replies than Redis sent: some replies were not read as one (a $-1 nil is a whole reply; a bulk string may arrive in several chunks). ${transcript}`,
          { received: reading, where },
        );
      }
      recordMetric(context.task, 'resp.loadtest.redis.opsPerSec', { value: Math.round(report.opsPerSec) });
    } finally {
      await proxy.close();
      redis.stop();
    }
  });
});
