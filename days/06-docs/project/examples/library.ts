// Day 6 · Example: show how to use your cache as a library (set, get, delete, a locked read-modify-write).
// Check it: npm run check day6 · Guide: days/06-docs/README.md, "Create examples"
// Run it: node --import tsx days/06-docs/project/examples/library.ts
import { Cache } from '../../../01-cache/cache.ts';

/** The example: uses a Cache (and an RWLock) and prints what happens, line by line. */
async function main(): Promise<void> {
  // TODO: Create a Cache, set a key, get it back, get a missing key, delete the key; print each result.
  // TODO: Import RWLock and show a read-modify-write with an `await` inside lock.write; print the final count.
  void Cache; // what this uses; delete it with the throw
  // TODO: Delete the line below when the example works.
  throw new Error('not implemented yet: main in days/06-docs/project/examples/library.ts');
}

await main();

// TODO: List the lines this example prints under "Expected output:", one per `// ` line (`…` matches anything).
// Expected output:
