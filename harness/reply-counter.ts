// Counting replies in a load generator's byte stream without building strings: text lines or RESP values.

/** Counts complete replies in a byte stream: text lines, or RESP values (a bulk string spans two lines). No strings are built. */
export function replyCounter(kind: 'text' | 'resp') {
  let lineStart = true; // the next byte begins a reply line
  let type = 0; // RESP: the first byte of the header line being read
  let length = 0; // RESP: the length digits of a `$` header read so far (-1 for `$-1`)
  let bulkLeft = 0; // RESP: bytes of a bulk string body (plus its \r\n) still to skip
  const counter = {
    replies: 0,
    errors: 0,
    lastError: '',
    reset() {
      counter.replies = 0;
      counter.errors = 0;
    },
    feed(chunk: Buffer) {
      let pos = 0;
      while (pos < chunk.length) {
        if (bulkLeft > 0) {
          const take = Math.min(bulkLeft, chunk.length - pos);
          bulkLeft -= take;
          pos += take;
          if (bulkLeft === 0) counter.replies += 1;
          continue;
        }
        if (lineStart) {
          type = chunk[pos]!;
          length = 0;
          lineStart = false;
          // Text: a line starting with E is `ERR …`. RESP: `-` is an error reply.
          if ((kind === 'text' && type === 0x45) || (kind === 'resp' && type === 0x2d)) counter.error(chunk, pos);
          pos += 1;
        }
        if (kind === 'resp' && type === 0x24) {
          // `$<length>\r\n`: read the digits as they come
          while (pos < chunk.length && chunk[pos] !== 0x0a) {
            const byte = chunk[pos]!;
            if (byte === 0x2d) length = -1;
            else if (byte >= 0x30 && byte <= 0x39 && length >= 0) length = length * 10 + (byte - 0x30);
            pos += 1;
          }
          if (pos === chunk.length) return;
          pos += 1;
          lineStart = true;
          if (length >= 0) bulkLeft = length + 2;
          else counter.replies += 1;
          continue;
        }
        const end = chunk.indexOf(0x0a, pos);
        if (end === -1) return;
        pos = end + 1;
        lineStart = true;
        counter.replies += 1;
      }
    },
    error(chunk: Buffer, at: number) {
      counter.errors += 1;
      const end = chunk.indexOf(0x0a, at);
      counter.lastError = chunk.toString('utf8', at, end === -1 ? Math.min(chunk.length, at + 80) : end).trim();
    },
  };
  return counter;
}
