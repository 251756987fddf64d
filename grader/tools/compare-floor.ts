// The floor of `npm run compare`: a Node server that parses nothing — it counts the commands of each chunk and answers
// each with OK (+OK for RESP) in one write. What it costs per command is the runtime's share (an event, a Buffer, a
// trip through the streams, the system calls), which no Node server can go below.
import { createServer } from 'node:net';

/** Counts commands: RESP arrays (`*` at the start of a line), or text lines. */
function countCommands(chunk: Buffer, resp: boolean): number {
  let count = 0;
  if (resp) {
    for (let at = chunk.indexOf(0x2a); at !== -1; at = chunk.indexOf(0x2a, at + 1)) if (at === 0 || chunk[at - 1] === 0x0a) count += 1;
    return count;
  }
  for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) count += 1;
  return count;
}

/** Starts the floor server (port 0 picks a free port); a RESP argument must not start a line with `*` (the compare clients' never do). */
export function startServer(options: { port?: number } = {}): Promise<{ port: number }> {
  const server = createServer({ noDelay: true }, (socket) => {
    socket.on('error', () => socket.destroy());
    let resp: boolean | undefined; // the first byte of the connection picks the protocol, as in the solution
    socket.on('data', (chunk: Buffer) => {
      resp ??= chunk[0] === 0x2a;
      const count = countCommands(chunk, resp);
      if (count > 0) socket.write((resp ? '+OK\r\n' : 'OK\n').repeat(count));
    });
  });
  return new Promise((done) => server.listen(options.port ?? 0, '127.0.0.1', () => done({ port: (server.address() as { port: number }).port })));
}
