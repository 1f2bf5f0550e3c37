// The frame of every catalogue write: one transaction holding the model's advisory lock (two writes
// of one model, a PUT racing a price change, are serialized, so each sees the other's result and
// the audited `before` is true), and after the commit this process's decision cache is cleared, so
// the change reaches authorize and usage here at once and on other instances within MODELS_TTL_MS.
import { WITH_PRICES, type ModelWithPrices } from "@/lib/catalog/model-json";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { clearContextCache } from "@/lib/keys/key-context";

export async function writeModel<T>(
  prisma: PrismaClient,
  id: string,
  fn: (tx: Prisma.TransactionClient, before: ModelWithPrices | null) => Promise<T>,
): Promise<T> {
  const result = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`model:${id}`}))`;
    const before = await tx.model.findUnique({ where: { id }, include: WITH_PRICES });
    return fn(tx, before);
  });
  clearContextCache();
  return result;
}

export function modelNotFound(id: string): AppError {
  return new AppError("not_found", `No model "${id}" in the catalogue.`);
}

/** A version at an instant another already holds: versions are kept forever, never replaced. */
export function sameInstantConflict(id: string, at: Date): AppError {
  return new AppError(
    "conflict",
    `Model "${id}" already has a price version in force from ${at.toISOString()}; versions are never replaced. Choose another effectiveFrom.`,
    { errors: [{ path: "effectiveFrom", message: "another price version starts at this instant" }] },
  );
}
