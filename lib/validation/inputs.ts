// Zod pieces shared by the admin API's bodies and paths. Money arrives as micro-USD, either a
// string of digits (exact at any size) or a safe integer, and leaves as BigInt.
import { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isValidTimeZone } from "@/lib/time/tenant-calendar";

/** $1 billion: far above any price, cap or grant, and far below BIGINT, so sums never overflow. */
export const MAX_MICRO_USD = 1_000_000_000_000_000n;

/** A whole number that may pass 2^53 (BIGINT columns), sent as a string of digits or a safe integer. */
export function bigIntInput(unit: string, opts: { min?: bigint; max?: bigint } = {}) {
  const min = opts.min ?? 0n;
  const max = opts.max ?? MAX_MICRO_USD;
  return z
    .unknown()
    .transform((v, ctx): bigint => {
      let n: bigint | undefined;
      if (typeof v === "string" && /^-?\d{1,19}$/.test(v)) n = BigInt(v);
      else if (typeof v === "number" && Number.isSafeInteger(v)) n = BigInt(v);
      if (n === undefined) {
        ctx.addIssue({
          code: "custom",
          message:
            v === undefined
              ? "is required"
              : `must be a whole number of ${unit} (a string of digits or a safe integer)`,
        });
        return z.NEVER;
      }
      if (n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `must be between ${min} and ${max} ${unit}` });
        return z.NEVER;
      }
      return n;
    })
    .meta({
      // What the wire carries, for the OpenAPI document (the transform itself has no JSON Schema).
      override: {
        anyOf: [{ type: "string", pattern: "^-?\\d{1,19}$" }, { type: "integer" }],
        description: `A whole number of ${unit}, as a string of digits or a safe integer (${min} to ${max}).`,
      },
    });
}

export const microUsd = (opts: { min?: bigint; max?: bigint } = {}) => bigIntInput("micro-USD", opts);

/** An ISO 8601 date-time with an offset, as a Date. */
export const isoDate = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 date-time, e.g. 2026-12-31T00:00:00Z" })
  .transform((s) => new Date(s));

/** A row id in a path: unknown ids are answered 404 by the lookup, so only the shape is checked. */
export const idParams = z.object({ id: z.string().min(1).max(100) });

/** Model ids, as the Model table names them. */
export const modelList = z
  .array(z.string().min(1).max(200))
  .max(500)
  .transform((ids) => [...new Set(ids)]);

/**
 * A 422 naming one field, for what only the database can check (an unknown plan or model). The
 * detail is `path: message` unless given: a form's message that is a sentence of its own is its detail.
 */
export function invalidField(path: string, message: string, detail = `${path}: ${message}`): AppError {
  return new AppError("validation_failed", detail, { errors: [{ path, message }] });
}

/** 422 unless every id is a model in the catalogue (an unknown id in an allow-list would never match). */
export async function assertKnownModels(
  db: Pick<Prisma.TransactionClient, "model">,
  ids: string[],
  path: string,
): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set(
    (await db.model.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((m) => m.id),
  );
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length)
    throw invalidField(
      path,
      `unknown model${unknown.length > 1 ? "s" : ""} ${unknown.map((id) => `"${id}"`).join(", ")}`,
    );
}

/** Prisma's unique-constraint violation. */
export const isUniqueViolation = (e: unknown) =>
  typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";

/** An IANA zone the runtime knows (chart days and quota months are cut in it). */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isValidTimeZone, "must be an IANA time zone, e.g. Europe/Berlin");
