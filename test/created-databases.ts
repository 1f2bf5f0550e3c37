// The test databases a test file has created and not yet dropped. Kept apart from db.ts so the
// per-file setup can import it without loading Prisma into files that never touch a database.
const live = new Map<string, () => Promise<void>>();

export function trackDatabase(name: string, drop: () => Promise<void>): void {
  live.set(name, drop);
}

export function untrackDatabase(name: string): void {
  live.delete(name);
}

/** Drops what the current file forgot to drop (run after each file by setup-databases.ts). */
export async function dropForgottenDatabases(): Promise<string[]> {
  const names = [...live.keys()];
  await Promise.all([...live.values()].map((drop) => drop()));
  live.clear();
  return names;
}
