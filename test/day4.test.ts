// Day 4: each planted bug in a learner's load tester is caught by the requirement meant to catch it.
import { describe, it } from 'vitest';
import { expectCaught } from './helpers.ts';

const planted: [fixture: string, caughtBy: string][] = [
  ['count-on-send', 'reports exactly the operations the server answered'],
  ['ignores-duration', 'runs for the duration asked, within 10%, and keeps the load on to the end'],
  ['connection-per-request', 'opens the connections asked for, side by side, and keeps each open across requests'],
  ['never-counts-errors', 'counts ERR replies as errors, not as operations, and still ends on time'],
  ['zero-latency', 'measures latency: 2 ms per command gives an average of 2 ms or more and at most 5,000 ops/s on 10 connections'],
];

describe('day 4 catches planted bugs', () => {
  it.each(planted)('%s is caught by "%s"', async (fixture, caughtBy) => {
    await expectCaught('day4', `day4/${fixture}`, caughtBy);
  });
});
