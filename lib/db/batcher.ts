// Group execution for the decision path: while one batch is running, new items queue up and run
// together in the next one. An idle server runs a lone item at once (no added delay); a busy one
// amortizes each database round trip (or commit) over everything that arrived meanwhile.
// Used for the live-state reads and the credit reservations.
type Waiter<I, O> = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };

export class Batcher<I, O> {
  private queue: Array<Waiter<I, O>> = [];
  private running = false;

  /** `run` gets the items in arrival order and answers with one result per item, in that order. */
  constructor(private readonly run: (items: I[]) => Promise<O[]>, private readonly maxBatch = 500) {}

  submit(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain() {
    this.running = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const results = await this.run(batch.map((w) => w.item));
        batch.forEach((w, i) => w.resolve(results[i]!));
      } catch (e) {
        batch.forEach((w) => w.reject(e));
      }
    }
    this.running = false;
  }
}

/** One batcher per owner (a pg pool), created on first use. */
export function batcherFor<K extends object, I, O>(cache: WeakMap<K, Batcher<I, O>>, owner: K, make: () => Batcher<I, O>): Batcher<I, O> {
  let batcher = cache.get(owner);
  if (!batcher) {
    batcher = make();
    cache.set(owner, batcher);
  }
  return batcher;
}
