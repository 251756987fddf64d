// Example: the server embedded in a program. It starts on a free port, serves one client, and closes.
// Run it: node --import tsx days/06-docs/project/examples/server.ts   (for a long-running server: npm start)
import { connect } from 'node:net';
import { Cache } from '../../../01-cache/cache.ts';
import { startServer } from '../../../02-server/server.ts';

// Sends `commands` on one connection and resolves with one reply line per command.
function ask(port: number, commands: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let received = '';
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
      const replies = received.split('\n').slice(0, -1);
      if (replies.length < commands.length) return;
      socket.end();
      resolve(replies);
    });
    socket.write(commands.map((command) => `${command}\n`).join(''));
  });
}

const cache = new Cache();
const server = await startServer({ port: 0, cache });
console.log(`listening on 127.0.0.1:${server.port}`);

const commands = ['SET city Lisbon', 'GET city', 'DEL city', 'GET city', 'SET lang TypeScript'];
const replies = await ask(server.port, commands);
commands.forEach((command, index) => console.log(`${command} → ${replies[index]}`));
console.log(`the program sees the same cache: lang = ${cache.get('lang')}`);

await server.close();
console.log('closed');

// Expected output:
// listening on 127.0.0.1:…
// SET city Lisbon → OK
// GET city → Lisbon
// DEL city → OK
// GET city → (nil)
// SET lang TypeScript → OK
// the program sees the same cache: lang = TypeScript
// closed
