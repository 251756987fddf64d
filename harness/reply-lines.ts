// Reply framing for the checkpoint client: bytes as they arrive in, complete lines (without "\n" or "\r\n") out.

/** Collects received bytes and cuts them into lines; an unfinished last line waits for more bytes. */
export class ReplyLines {
  #pending = Buffer.alloc(0);
  #lines: Buffer[] = [];

  /** Adds bytes as they arrived; every line they complete becomes available to shift(). */
  push(chunk: Buffer): void {
    this.#pending = Buffer.concat([this.#pending, chunk]);
    let newline = this.#pending.indexOf(0x0a);
    while (newline !== -1) {
      const end = newline > 0 && this.#pending[newline - 1] === 0x0d ? newline - 1 : newline;
      this.#lines.push(Buffer.from(this.#pending.subarray(0, end)));
      this.#pending = this.#pending.subarray(newline + 1);
      newline = this.#pending.indexOf(0x0a);
    }
  }

  /** The oldest complete line not taken yet, if any. */
  shift(): Buffer | undefined {
    return this.#lines.shift();
  }

  /** The bytes received after the last newline (an unfinished line). */
  get unfinished(): Buffer {
    return this.#pending;
  }
}
