// Day 6 · Example: show how to run your server from code: start it on port 0, talk to it, close it.
// Check it: npm run check day6 · Guide: days/06-docs/README.md, "Create examples"
// Run it: node --import tsx days/06-docs/project/examples/server.ts   (for a long-running server: npm start)
import { startServer } from '../../../02-server/server.ts';

/** The example: starts the server, sends it a few commands over one connection, prints the replies, closes it. */
async function main(): Promise<void> {
  // TODO: Start the server with startServer({ port: 0 }) and print the port it got.
  // TODO: Connect with node:net, send SET / GET / DEL / GET, and print each command with its reply.
  void startServer; // what this uses; delete it with the throw
  // TODO: Close the server so the example ends by itself, and print that it closed; then delete the line below.
  throw new Error('not implemented yet: main in days/06-docs/project/examples/server.ts');
}

await main();

// TODO: List the lines this example prints under "Expected output:", one per `// ` line (`…` matches anything).
// Expected output:
