// Day 2 (02-server): its manifest entry. course/days.ts lists the days in order; the fields are described in course/day.ts.
import { whenItFails, type Day } from '../day.ts';

/** The "When it fails" entries of days/02-server/README.md that failures link to (anchor from the heading). */
const guide = whenItFails({
  econnrefusedNothingListening: '`ECONNREFUSED`: nothing is listening there yet',
  replyDiffersFromTable: 'A reply differs from the protocol table',
  badInputNoErr: 'Garbage, an unknown command or a wrong argument count gets no `ERR` line',
  multiByteCharacter: 'A multi-byte character split between two chunks is garbled',
  repliesArriveGlued: 'Replies arrive glued together, or a command arrives in pieces',
  clientsSeeDifferentKeys: "Clients do not see each other's keys",
  oneClientBlocksOthers: 'One client makes the others wait',
  longLineNotRefused: 'A line over 64 KiB is not refused',
  clientThatVanished: 'A client that vanished mid-command',
  closeHangsLeaves: '`close()` hangs or leaves the port busy',
  eaddrinusePortAlready: '`EADDRINUSE`: the port is already taken',
  serverListensEvery: 'The server listens on every interface',
  raceStressReply: 'Race-stress: a reply went to the wrong line, or a value came back cut short',
  noReplyArrives: 'No reply arrives: "no reply within N ms"',
  startserverNeverResolves: '`startServer` never resolves',
  econnresetEpipeEof: '`ECONNRESET`, `EPIPE` or EOF: the server dropped the connection',
});

export const day2: Day = {
  id: 'day2',
  slug: '02-server',
  title: 'TCP server',
  files: ['02-server/protocol.ts', '02-server/server.ts'],
  exports: { '02-server/protocol.ts': ['handleLine'], '02-server/server.ts': ['startServer'] },
  checkpoints: [
    'checkpoints/day2/protocol.test.ts',
    'checkpoints/day2/clients.test.ts',
    'checkpoints/day2/lifecycle.test.ts',
    'checkpoints/day2/server.race.test.ts',
  ],
  bonus: ['checkpoints/day2/stretch.test.ts'],
  // The race-stress tests take about 2 s on a quiet machine and 10 s on a loaded one; nothing else waits on these limits.
  testTimeoutMs: 20_000,
  timeLimitSec: 180,
  hints: [
    'Which function listens on a TCP port? Go has `net.Listen` and an `Accept` loop; Node has `createServer` from "node:net": `const server ' +
      '= createServer((socket) => { … })`, then `server.listen(port, host, callback)`. There is no accept loop to write: Node calls your ' +
      'function once for every new connection. With port 0 the system picks a free port, and `(server.address() as AddressInfo).port` tells ' +
      'you which.',
    'How do clients run at the same time? Go starts one goroutine per connection. Node has one event loop that serves every socket, and the ' +
      "function you gave createServer is each connection's own handler: the variables it creates (such as the bytes not yet answered) belong " +
      'to that client alone. A client holds up the others only if a handler blocks the loop (a long synchronous loop), or if all connections ' +
      'share one buffer. The cache, on the other hand, is created once and shared by every handler.',
    "How do you read one line at a time? Go's `bufio.Scanner` has no twin on a socket: a 'data' chunk can hold half a line, or five lines, " +
      'or end inside a multi-byte character. Keep the bytes not yet used in a Buffer, append each chunk, and while it contains "\\n" cut ' +
      'one line off the front and decode it. `node:readline` (`createInterface({ input: socket })`) looks tempting, but it has no length ' +
      'limit, takes a lone "\\r" for a line end, and hands you the half-sent last line as a whole one when the client disconnects; count ' +
      'the bytes yourself and drop what is left when the socket closes.',
    'How do you split a command into words? Go\'s `strings.Fields(line)` becomes `line.trim().split(/\\s+/)` (or split on " " and drop the ' +
      'empty words). Compare `words[0].toUpperCase()` with "SET", "GET", "DEL", check `words.length` before using an argument, and answer ' +
      'anything else with one line starting "ERR ": a throw inside a \'data\' handler takes the whole server down.',
  ],
  hintFor: {
    'server-not-started': 0,
    'start-never-resolves': 0,
    'shared-buffer': 1,
    'other-client-waits': 1,
    'shared-cache': 1,
    'line-in-pieces': 2,
    'cr-kept': 2,
    'no-line-limit': 2,
    'vanished-half-line': 2,
    'handleLine-wrong': 3,
    'connection-reset': 3,
  },
  explain: {
    starts: guide.econnrefusedNothingListening,
    'handle-basics': guide.replyDiffersFromTable,
    'blank-is-null': guide.replyDiffersFromTable,
    'seed-session': guide.replyDiffersFromTable,
    'any-case': guide.replyDiffersFromTable,
    crlf: guide.replyDiffersFromTable,
    'unknown-command': guide.badInputNoErr,
    'wrong-arity': guide.badInputNoErr,
    'blank-ignored': guide.replyDiffersFromTable,
    utf8: guide.multiByteCharacter,
    'split-writes': guide.repliesArriveGlued,
    'byte-at-a-time': guide.repliesArriveGlued,
    pipelined: guide.repliesArriveGlued,
    'split-mid-word': guide.repliesArriveGlued,
    'split-character': guide.multiByteCharacter,
    'shared-cache': guide.clientsSeeDifferentKeys,
    'two-clients': guide.oneClientBlocksOthers,
    'half-line-waits-alone': guide.oneClientBlocksOthers,
    'line-limit': guide.longLineNotRefused,
    'long-line': guide.longLineNotRefused,
    'binary-garbage': guide.badInputNoErr,
    'invalid-utf8': guide.badInputNoErr,
    'vanished-kept': guide.clientThatVanished,
    'vanished-half-line': guide.clientThatVanished,
    'given-cache': guide.clientsSeeDifferentKeys,
    'close-disconnects': guide.closeHangsLeaves,
    'close-frees-port': guide.eaddrinusePortAlready,
    'close-leaves-nothing': guide.closeHangsLeaves,
    'loopback-only': guide.serverListensEvery,
    'race-writers': guide.raceStressReply,
    'race-readers-writers': guide.raceStressReply,
    'quoted-values': 'none',
    ping: 'none',
    quit: 'none',
    '(a check that hangs)': guide.noReplyArrives,
  },
  causes: {
    'server-not-started': guide.econnrefusedNothingListening,
    'start-never-resolves': guide.startserverNeverResolves,
    'connection-reset': guide.econnresetEpipeEof,
    'no-reply': guide.noReplyArrives,
    'no-line-limit': guide.longLineNotRefused,
    'no-newline': guide.noReplyArrives,
    'handleLine-wrong': guide.replyDiffersFromTable,
    'line-in-pieces': guide.repliesArriveGlued,
    'other-client-waits': guide.oneClientBlocksOthers,
    'shared-buffer': guide.oneClientBlocksOthers,
    'cr-kept': guide.replyDiffersFromTable,
    'close-incomplete': guide.closeHangsLeaves,
    'port-in-use': guide.eaddrinusePortAlready,
  },
  preconditions: [
    { requirement: 'starts', needs: 'startServer resolves with { port, close } and a client can connect', exceptGroups: ['handleLine'] },
    { requirement: 'handle-basics', needs: 'handleLine answers SET, GET, DEL and GET of a missing key', exceptGroups: ['handleLine'] },
    { requirement: 'seed-session', needs: 'the server answers SET, GET and DEL over TCP, one reply line each', exceptGroups: ['Start', 'handleLine'] },
    // Many clients and the race-stress suites send lines in pieces, pipelined, over connections that share one cache.
    {
      requirement: 'split-writes',
      needs: 'the server keeps an unfinished line for the next chunk',
      files: ['checkpoints/day2/clients.test.ts', 'checkpoints/day2/server.race.test.ts'],
    },
    { requirement: 'pipelined', needs: 'the server answers lines sent in one write, in order', files: ['checkpoints/day2/server.race.test.ts'] },
    {
      requirement: 'two-clients',
      needs: 'the server serves two clients at once',
      files: ['checkpoints/day2/clients.test.ts', 'checkpoints/day2/server.race.test.ts'],
    },
    {
      requirement: 'shared-cache',
      needs: 'every connection shares one cache',
      files: ['checkpoints/day2/clients.test.ts', 'checkpoints/day2/server.race.test.ts'],
    },
  ],
};
