// Group execution for the decision path: while `maxInFlight` batches are running, new items queue
// up and run together in the next one. An idle server runs a lone item at once (no added delay);
// a busy one amortizes each database round trip (or commit) over everything that arrived
// meanwhile. More than one batch in flight keeps a slow commit (an fsync stall) from holding up
// everything behind it. Used for the live-state reads and the credit reservations.
type Waiter<I, O> = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };

export class Batcher<I, O> {
  private queue: Array<Waiter<I, O>> = [];
  private inFlight = 0;

  /** `run` gets the items in arrival order and answers with one result per item, in that order. */
  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly opts: { maxBatch?: number; maxInFlight?: number } = {},
  ) {}

  submit(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.drain();
    });
  }

  private drain() {
    while (this.queue.length && this.inFlight < (this.opts.maxInFlight ?? 1)) {
      const batch = this.queue.splice(0, this.opts.maxBatch ?? 500);
      this.inFlight += 1;
      this.run(batch.map((w) => w.item))
        .then(
          (results) => batch.forEach((w, i) => w.resolve(results[i]!)),
          (e: unknown) => batch.forEach((w) => w.reject(e)),
        )
        .finally(() => {
          this.inFlight -= 1;
          this.drain();
        });
    }
  }
}

/** One batcher per owner (a pg pool), created on first use. */
export function batcherFor<K extends object, I, O>(
  cache: WeakMap<K, Batcher<I, O>>,
  owner: K,
  make: () => Batcher<I, O>,
): Batcher<I, O> {
  let batcher = cache.get(owner);
  if (!batcher) {
    batcher = make();
    cache.set(owner, batcher);
  }
  return batcher;
}
