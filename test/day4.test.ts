// Day 4: each planted bug in a learner's load tester is diagnosed root cause first (the first ✗ is the requirement
// meant to catch it, its Look at names loadtest.ts, at most two explanations); the counting server counts what it
// claims to, and the solution's --pipeline stays honest.
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { findDay } from '../course/days.ts';
import { startCountingServer } from '../harness/counting-server.ts';
import { runLoadTest } from '../solutions/04-loadtest/loadtest.ts';
import { expectDiagnosed } from './diagnosis.ts';
import { gradeDay, treeWith } from './helpers.ts';

// The second column is the requirement's id (declared in its checkpoint's `it()`); the third: what the failure must
// say about the planted bug itself (a value or call, not the advice lines).
const planted: [fixture: string, caughtBy: string, mentions?: RegExp][] = [
  ['count-on-send', 'exact-count', /Expected: totalOps ≤ [\d,]+[\s\S]*Received: totalOps [\d,]+/],
  ['ignores-duration', 'duration', /Expected: [\d,]+ to [\d,]+ ms[\s\S]*Received: [\d,]+ ms/],
  ['connection-per-request', 'connections', /Received: [\d,]+ connections opened/],
  ['never-counts-errors', 'err-replies', /Received: errors 0[\s\S]*and [\d,]+ with ERR/],
  ['cutoff-as-errors', 'exact-count', /Expected: errors 0\nReceived: errors [1-9]/],
  ['no-error-listener', 'dropped-connection', /Received: Error: read ECONNRESET/],
  ['divides-by-asked', 'overrun'],
  ['zero-latency', 'latency', /Received: avgLatencyMs 0\b/],
  ['average-as-percentiles', 'percentiles', /Expected: p99LatencyMs ≥ \d+[\s\S]*A percentile is read from every request's latency/],
  [
    'busy-wait',
    'exact-count',
    /event loop was held for [\d,]+ ms[\s\S]*Look at:\s+the while loop that waits on the clock inside runLoadTest in \S+loadtest\.ts:\d+/,
  ],
  ['max-as-p99', 'percentiles', /Expected: p99LatencyMs from \d+ to under 300 ms/],
  ['average-as-p50', 'percentiles', /Expected: p50LatencyMs from 1 to under \d+ ms, at most p99LatencyMs, and at least [\d.]+ ms below avgLatencyMs/],
  ['per-connection-averages', 'percentiles', /Expected: p99LatencyMs ≥ \d+[\s\S]*A percentile is read from every request's latency/],
];

describe('day 4 diagnoses planted bugs', () => {
  it.each(planted)('%s: the first ✗ is "%s"', async (fixture, caughtBy, mentions) => {
    const { result } = await expectDiagnosed('day4', `day4/${fixture}`, caughtBy, '04-loadtest/loadtest.ts', mentions);
    if (fixture !== 'connection-per-request') return;
    // The drop requirement is broken too, but by the same cause: folded under the first ✗, not blamed on error counting.
    const dropped = result.tests.find((test) => test.id === 'dropped-connection')!;
    expect(dropped.cause?.kind).toBe('connection-per-request');
  });
});

describe('day 4 hints', () => {
  it('has a hint for every cause day 4 can report, the one `npm run hint day4` shows first after that ✗', () => {
    const kinds = [
      'connection-per-request',
      'wrong-duration',
      'counts-unanswered',
      'counts-cutoff-as-errors',
      'latency-not-timed',
      'not-percentiles',
      'p99-is-max',
      'event-loop-blocked',
    ];
    const day = findDay('day4')!;
    for (const kind of kinds) expect(day.hintFor?.[kind], `day4's hintFor has no hint for cause "${kind}"`).toBeTypeOf('number');
    for (const kind of kinds) expect(day.causes?.[kind], `day4's causes link "${kind}" to no guide entry`).toBeDefined();
    expect(day.hints[day.hintFor!['event-loop-blocked']!]).toMatch(/never awaits/);
    expect(day.hints[day.hintFor!['counts-cutoff-as-errors']!]).toMatch(/neither as an operation nor as an error/);
    expect(day.hints[day.hintFor!['not-percentiles']!]).toMatch(/p99/);
  });
});

describe('day 4 accepts honest testers other than the solution', () => {
  it("passes a tester written straight from the hints (no cutoff, sorted array for percentiles, the guide's block)", async () => {
    const { run, result } = await gradeDay('day4', treeWith('day4/guide-style'));
    const failed = result.tests.filter((test) => test.status !== 'passed').map((test) => `${test.name}\n${test.message}`);
    expect(failed, `the guide-style tester should pass day4; the grader printed:\n${run.stdout}`).toEqual([]);
  });
});

/** Sends `lines` on one connection in one write and resolves with the reply lines (or what came before a close). */
async function exchange(port: number, lines: string[], replies = lines.length): Promise<string[]> {
  const socket = connect({ host: '127.0.0.1', port });
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (text += chunk));
  socket.write(lines.map((line) => `${line}\n`).join(''));
  await new Promise<void>((done) => {
    const check = () => (text.split('\n').length > replies ? done() : undefined);
    socket.on('data', check);
    socket.on('close', () => done());
  });
  socket.destroy();
  return text.split('\n').filter((line) => line !== '');
}

describe('the counting server (harness/counting-server.ts)', () => {
  it('answers the day-2 protocol and counts GET, SET, keys and connections', async () => {
    const server = await startCountingServer();
    try {
      expect(await exchange(server.port, ['SET a 1', 'GET a', 'GET b', 'FOO'])).toEqual(['OK', '1', '(nil)', "ERR unknown command 'FOO'"]);
      expect(await exchange(server.port, ['get a'])).toEqual(['1']);
      expect(server.stats).toMatchObject({ answered: 4, errors: 1, gets: 3, sets: 1, opened: 2, perConnection: [3, 1] });
      expect([...server.stats.keys.keys()].sort()).toEqual(['a', 'b']);
    } finally {
      await server.close();
    }
  });

  it('injects ERR replies and drops connections when told to', async () => {
    const errs = await startCountingServer({ errorEvery: 3 });
    const drops = await startCountingServer({ dropEvery: 3 });
    try {
      expect(await exchange(errs.port, ['GET a', 'GET a', 'GET a', 'GET a'])).toEqual(['(nil)', '(nil)', 'ERR injected failure', '(nil)']);
      expect(errs.stats).toMatchObject({ answered: 3, errors: 1 });
      expect(await exchange(drops.port, ['GET a', 'GET a', 'GET a', 'GET a'], 4)).toEqual(['(nil)', '(nil)']);
      expect(drops.stats).toMatchObject({ answered: 2, drops: 1 });
    } finally {
      await Promise.all([errs.close(), drops.close()]);
    }
  });

  it('waits at least latencyMs before each reply, and holds late replies back', async () => {
    const slow = await startCountingServer({ latencyMs: 5 });
    const late = await startCountingServer({ holdFromMs: 0, holdForMs: 60 });
    try {
      const started = performance.now();
      await exchange(slow.port, ['GET a', 'GET b', 'GET c']);
      expect(performance.now() - started).toBeGreaterThanOrEqual(15); // three replies, one after the other
      expect(slow.stats.maxInFlight).toBe(3);
      const sent = performance.now();
      await exchange(late.port, ['GET a']);
      expect(late.answeredBefore(sent + 59)).toBe(0);
      expect(late.answeredBefore(performance.now())).toBe(1);
    } finally {
      await Promise.all([slow.close(), late.close()]);
    }
  });
});

describe("the solution's --pipeline", () => {
  it('keeps N requests in flight per connection and still counts only replies that arrived', async () => {
    const server = await startCountingServer({ latencyMs: 1, holdFromMs: 450, holdForMs: 300 });
    try {
      const report = await runLoadTest({ host: server.host, port: server.port, connections: 5, durationMs: 600, getRatio: 0.5, keySpace: 100, pipeline: 4 });
      const answered = server.answeredBefore(performance.now());
      expect(server.stats.maxInFlight).toBe(4);
      expect(server.stats.opened).toBe(5);
      expect(report.totalOps).toBeGreaterThan(0);
      expect(report.totalOps).toBeLessThanOrEqual(answered);
      expect(answered - report.totalOps).toBeLessThanOrEqual(5 * 4);
      expect(report.errors).toBe(0);
    } finally {
      await server.close();
    }
  });
});
