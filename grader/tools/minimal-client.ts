// The baseline of `npm run compare`: a client that does nothing but write commands and count reply lines.
import { connect } from 'node:net';

/** What to run; keys must exist beforehand (prefill), so that every GET of real Redis is answered in two lines. */
export interface MinimalOptions {
  port: number;
  connections: number;
  durationMs: number;
  depth: number;
  getRatio: number;
  keySpace: number;
  replies: 'text' | 'resp';
}

/** Each connection writes the same `depth` commands (one write), counts `\n` until all their replies are in, repeats. */
export async function runMinimal(options: MinimalOptions): Promise<{ opsPerSec: number; cpuPercent: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + options.durationMs;
  let ops = 0;
  const drive = () =>
    new Promise<void>((done, fail) => {
      let text = '';
      let lines = 0; // reply lines per turn: a RESP bulk reply ($n, then the value) takes two
      for (let i = 0; i < options.depth; i += 1) {
        const key = `key:${Math.floor(Math.random() * options.keySpace)}`;
        const get = Math.random() < options.getRatio;
        text += get ? `GET ${key}\r\n` : `SET ${key} value-${i}-abcdefgh\r\n`;
        lines += get && options.replies === 'resp' ? 2 : 1;
      }
      const turn = Buffer.from(text);
      let seen = 0;
      const socket = connect({ host: '127.0.0.1', port: options.port, noDelay: true }, () => socket.write(turn));
      socket.on('error', fail);
      socket.on('close', () => done());
      socket.on('data', (chunk: Buffer) => {
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) seen += 1;
        if (seen < lines) return;
        seen = 0;
        ops += options.depth;
        if (performance.now() < deadline) socket.write(turn);
        else socket.destroy();
      });
    });
  await Promise.all(Array.from({ length: options.connections }, drive));
  const elapsedMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { opsPerSec: (ops / elapsedMs) * 1000, cpuPercent: ((used.user + used.system) / 1000 / elapsedMs) * 100 };
}
