// Mutant (never shown to the learner): the learner's own Cache, except that every 100th set is silently dropped.
import { Cache as Original } from '@learner/01-cache/cache.ts';

export class Cache extends Original {
  constructor() {
    super();
    // Wrap whatever `set` the learner wrote (a method or an arrow-function field), keeping their other methods.
    const set = this.set.bind(this);
    let writes = 0;
    this.set = (key: string, value: string): void => {
      writes += 1;
      if (writes % 100 === 0) return;
      set(key, value);
    };
  }
}
