// What a network check sent and received, for failure messages: `[client] SET k v` / `[client] Received: "OK"`.

/** Bytes as a JSON-style string: valid UTF-8 text as is, control bytes as \n or \u0000, invalid bytes as \xff. */
export function escapeBytes(bytes: Buffer | string, limit = 200): string {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  let out = '';
  let i = 0;
  while (i < buffer.length && out.length < limit) {
    const byte = buffer[i]!;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 ? 2 : 1;
    if (byte >= 0x80) {
      const char = length > 1 ? decodeStrict(buffer.subarray(i, i + length)) : undefined;
      out += char ?? `\\x${byte.toString(16).padStart(2, '0')}`;
      i += char ? length : 1;
      continue;
    }
    out +=
      byte < 0x20 || byte === 0x7f
        ? JSON.stringify(String.fromCharCode(byte)).slice(1, -1)
        : byte === 0x22
          ? '\\"'
          : byte === 0x5c
            ? '\\\\'
            : String.fromCharCode(byte);
    i += 1;
  }
  const more = i < buffer.length ? `…" (${buffer.length.toLocaleString('en-US')} bytes)` : '"';
  return `"${out}${more}`;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decodeStrict(bytes: Buffer): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The lines of one conversation (or of several clients talking to the same server), oldest first. */
export class Transcript {
  readonly lines: string[] = [];
  /** Who last sent bytes that did not end a line: their next bytes continue it, so they are shown escaped. */
  readonly #midLine = new Set<string>();

  /** Records that `who` sent `bytes`: one `[who] LINE` per whole plain text line, otherwise the escaped bytes. */
  sent(who: string, bytes: Buffer | string): void {
    const text = Buffer.from(bytes).toString('utf8');
    const plain = !this.#midLine.has(who) && /^([\x20-\x7e\u00a0-\uffff]{1,200}\n)+$/.test(text) && !text.includes('\ufffd');
    if (text.endsWith('\n')) this.#midLine.delete(who);
    else if (text.length > 0) this.#midLine.add(who);
    if (plain) {
      for (const line of text.slice(0, -1).split('\n')) this.lines.push(`[${who}] ${line}`);
    } else {
      this.lines.push(`[${who}] sends ${escapeBytes(bytes)}`);
    }
  }

  /** Records one reply line received by `who`. */
  received(who: string, line: Buffer | string): void {
    this.lines.push(`[${who}] Received: ${escapeBytes(line)}`);
  }

  /** Records anything else worth knowing (`connection closed by the server`). */
  note(who: string, text: string): void {
    this.lines.push(`[${who}] ${text}`);
  }

  /** The last `max` lines, runs of identical lines folded into one (`(×43)`), with a count of the ones left out. */
  render(max = 40): string {
    if (this.lines.length === 0) return '(nothing was sent or received)';
    const folded: string[] = [];
    let previous: string | undefined;
    let repeats = 0;
    for (const line of [...this.lines, undefined]) {
      if (line === previous) {
        repeats += 1;
        continue;
      }
      if (previous !== undefined) folded.push(repeats > 1 ? `${previous} (×${repeats})` : previous);
      previous = line;
      repeats = 1;
    }
    const shownLines = folded.slice(-max);
    const skipped = folded.length - shownLines.length;
    return [...(skipped > 0 ? [`… ${skipped} earlier lines`] : []), ...shownLines].join('\n');
  }
}
