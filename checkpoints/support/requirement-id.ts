// A requirement's short stable id, declared beside its sentence: `it('…', { meta: { id: 'split-writes' } }, …)`.
// The manifest (course/days.ts), the fixtures' tables and the JSON report name a requirement by its id, so that
// rewording the sentence touches only its checkpoint file (and the guide where it quotes it).

declare module 'vitest' {
  interface TaskMeta {
    /** The requirement's id: lowercase words joined by '-', unique within its day. */
    id?: string;
  }
}

export {};
