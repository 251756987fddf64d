// `npm run gate`: real Redis under the grader's own load generator on this machine, and the day-5 gate that follows —
// the figure `npm run check day5` holds your tuned server to, reproduced by hand.
import { figure, gates } from '../../course/gates.ts';
import { calibrate, load, measureRedis } from '../../harness/redis-gate.ts';
import { generatorWorkers, saturated, sharesText } from '../../harness/loadgen.ts';
import { findTool, installRedis } from '../../harness/redis.ts';

if (!findTool('redis-server')) {
  console.log(`redis-server is not installed, so the gate is the guide's plain ${figure(gates.load.value)} ops/s. ${installRedis}`);
} else {
  console.log(
    `Measuring real Redis under the grader's load generator (${load.connections} connections, ${load.getRatio * 100}% GET, ${load.keySpace.toLocaleString('en-US')} keys, no pipelining, on ${generatorWorkers()} thread(s); a warm-up, then the best of two 2 s runs)…`,
  );
  const redis = await measureRedis(2);
  const gate = calibrate(redis?.opsPerSec);
  if (redis && saturated(redis))
    console.log(
      `The generator used ${sharesText(redis)} of a core: Redis's figure is a floor (the gate can only be lower than a quieter or larger machine would give).`,
    );
  console.log(`Gate for day 5 on this machine: ${gate.value.toLocaleString('en-US')} ops/s — ${gate.why}.`);
  console.log('Run it again when the machine is quiet: a busy machine slows Redis and your server alike.');
}
