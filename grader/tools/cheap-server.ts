// A server made artificially cheap, for testing the load generator itself: it parses nothing and answers each
// command (each `\n`) with `OK\n` sliced from one precomputed buffer, so that the client, not the server, is
// what a measurement meets first. It counts what it answered. Text protocol only; 127.0.0.1 only.
import { createServer, type Server } from 'node:net';

const ok = Buffer.from('OK\n'.repeat(4096));

/** A running cheap server: its port, the commands it has answered, and how to stop it. */
export interface CheapServer {
  port: number;
  answered(): number;
  close(): Promise<void>;
}

/** Starts the cheap server on `port` (0: any free port). Also the `startServer` a child process runs (harness/serve.ts). */
export async function startServer(options: { port?: number } = {}): Promise<CheapServer> {
  let answered = 0;
  const server: Server = createServer({ noDelay: true }, (socket) => {
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      let count = 0;
      for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) count += 1;
      answered += count;
      for (; count > 4096; count -= 4096) socket.write(ok);
      if (count > 0) socket.write(ok.subarray(0, count * 3));
    });
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  return {
    port: (server.address() as { port: number }).port,
    answered: () => answered,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
