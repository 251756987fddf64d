// The shared network helpers of the checkpoints: byte escaping, transcripts, and the TCP client's failure messages.
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckError } from '../harness/check.ts';
import { destroyAllClients, TcpClient } from '../harness/tcp-client.ts';
import { escapeBytes, Transcript } from '../harness/transcript.ts';

describe('escapeBytes', () => {
  it('shows text as is, control bytes JSON-style and invalid UTF-8 as \\xNN', () => {
    expect(escapeBytes('OK')).toBe('"OK"');
    expect(escapeBytes('a"b\\c\r\n\t\0')).toBe('"a\\"b\\\\c\\r\\n\\t\\u0000"');
    expect(escapeBytes('café 🐣 שלום')).toBe('"café 🐣 שלום"');
    expect(escapeBytes(Buffer.from([0x41, 0xff, 0xfe, 0xc3]))).toBe('"A\\xff\\xfe\\xc3"');
  });

  it('cuts long data and says how long it was', () => {
    expect(escapeBytes('x'.repeat(70 * 1024), 10)).toBe('"xxxxxxxxxx…" (71,680 bytes)');
  });
});

describe('Transcript', () => {
  it('logs whole lines plainly, pieces of a line as bytes, and folds repeats', () => {
    const transcript = new Transcript();
    transcript.sent('client', 'SET k v\nGET k\n');
    transcript.sent('client', 'SE');
    transcript.sent('client', 'T k w\n');
    for (let i = 0; i < 3; i += 1) transcript.received('client', 'OK');
    transcript.received('client', Buffer.from([0xff]));
    expect(transcript.render()).toBe(
      [
        '[client] SET k v',
        '[client] GET k',
        '[client] sends "SE"',
        '[client] sends "T k w\\n"',
        '[client] Received: "OK" (×3)',
        '[client] Received: "\\xff"',
      ].join('\n'),
    );
  });

  it('keeps the last lines and counts the others', () => {
    const transcript = new Transcript();
    for (let i = 0; i < 5; i += 1) transcript.note('c', `line ${i}`);
    expect(transcript.render(2)).toBe('… 3 earlier lines\n[c] line 3\n[c] line 4');
  });
});

describe('TcpClient', () => {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  afterEach(async () => {
    destroyAllClients();
    for (const socket of sockets) socket.destroy();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    server = undefined;
  });

  /** A throwaway server on port 0 that runs `onSocket` for each connection. */
  async function serve(onSocket: (socket: Socket) => void): Promise<number> {
    server = createServer((socket) => {
      sockets.add(socket);
      onSocket(socket);
    });
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    return (server.address() as { port: number }).port;
  }

  it('reads reply lines split across chunks, with \\n or \\r\\n', async () => {
    const port = await serve((socket) => {
      socket.write('O');
      setTimeout(() => socket.write('K\r\nsecond\n'), 20);
    });
    const client = await TcpClient.connect(port);
    expect(await client.readLine()).toBe('OK');
    expect(await client.readLine()).toBe('second');
  });

  it('fails on EOF with the transcript and the EOF hint', async () => {
    const port = await serve((socket) => socket.once('data', () => socket.end()));
    const client = await TcpClient.connect(port);
    const error = await client.request('GET k').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CheckError);
    expect((error as Error).name).toBe('CheckError');
    expect((error as Error).message).toMatch(/Waited for a reply to "GET k", but the connection ended\./);
    expect((error as Error).message).toMatch(/Transcript:\n  \[client\] GET k\n  \[client\] connection closed by the server/);
    expect((error as Error).message).toMatch(/Hint: EOF is short for "end of file"/);
  });

  it('fails on silence with the timeout hint', async () => {
    const port = await serve(() => {});
    const client = await TcpClient.connect(port);
    const error = (await client.request('PING', 100).catch((caught: unknown) => caught)) as Error;
    expect(error.message).toMatch(/Received: nothing within 100 ms/);
    expect(error.message).toMatch(/Hint: nothing arrived within 100 ms/);
  });

  it('fails on a refused connection with the ECONNREFUSED hint', async () => {
    const port = await serve(() => {});
    await new Promise((done) => server!.close(done));
    server = undefined;
    const error = (await TcpClient.connect(port, { retryMs: 100 }).catch((caught: unknown) => caught)) as Error;
    expect(error.message).toMatch(/Could not connect to the server at 127\.0\.0\.1:\d+\./);
    expect(error.message).toMatch(/Hint: ECONNREFUSED means nothing is listening/);
  });

  it('fails on a reset with the ECONNRESET hint', async () => {
    const port = await serve((socket) => socket.once('data', () => socket.resetAndDestroy()));
    const client = await TcpClient.connect(port);
    const error = (await client.request('SET k v').catch((caught: unknown) => caught)) as Error;
    expect(error.message).toMatch(/Hint: ECONNRESET means the server dropped the connection abruptly/);
  });
});
