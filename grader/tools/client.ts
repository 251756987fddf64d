// `npm run client [-- --port P] [--host H]`: a tiny interactive client for people without nc; replies are shown as nc shows them.
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' } } });
const host = values.host ?? '127.0.0.1';
const port = Number(values.port ?? process.env.PORT ?? 6379);

if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`--port must be a whole number from 1 to 65535, got ${JSON.stringify(values.port ?? process.env.PORT)}.`);
  process.exit(2);
}

const socket = connect({ host, port });
const input = createInterface({ input: process.stdin, terminal: false });

socket.once('connect', () => {
  if (process.stdin.isTTY) console.error(`Connected to ${host}:${port}. Type a command (SET a 1, GET a, DEL a) and press Enter; Ctrl-D or Ctrl-C quits.`);
  input.on('line', (line) => socket.write(`${line}\n`));
  input.on('close', () => socket.end()); // end of input: like nc, send FIN and wait for the server's last replies
});
socket.on('data', (chunk) => process.stdout.write(chunk)); // the server's bytes, unchanged
socket.on('end', () => {
  if (process.stdin.isTTY) console.error('Connection closed by the server.');
  process.exit(0);
});
socket.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'ECONNREFUSED') {
    console.error(
      `Nothing is listening on ${host}:${port}. Start your server first (npm start in another terminal), or pick its port: npm run client -- --port 6381`,
    );
  } else {
    console.error(`Connection to ${host}:${port} failed: ${error.code ?? error.message}`);
  }
  process.exit(1);
});
