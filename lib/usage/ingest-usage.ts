// POST /api/v1/usage's use case: validate each event on its own, price it at the catalogue's
// version in force at its occurredAt (lib/decisions/cost.ts), and settle the accepted ones in one
// transaction. A withdrawn model's usage is still charged (usage is never dropped); an unknown
// model's is rejected. A repeat of a (tenant, requestId) is
// acknowledged as a duplicate and changes nothing; the answer is sent only after the commit, so
// an acknowledged batch survives a crash. A revoked key may still report the calls it reserved
// for before it was revoked (usage is never dropped), and nothing else.
import type pg from "pg";

import { withTransaction } from "@/lib/db/transaction";
import { callCost } from "@/lib/decisions/cost";
import { zodFieldErrors } from "@/lib/errors/problem";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadModelPrice, type ContextCache } from "@/lib/keys/key-context";
import { settleBatch, type PricedEvent } from "@/lib/usage/settle-batch";
import { usageEventSchema } from "@/lib/usage/usage-request";

export type UsageResult =
  | { index: number; requestId: string; status: "accepted"; cost: bigint }
  | { index: number; requestId: string; status: "duplicate" }
  | { index: number; requestId: string | null; status: "rejected"; reason: string };

const FUTURE_SLACK_MS = 5 * 60_000;

export async function ingestUsage(
  deps: { prisma: PrismaClient; pool: pg.Pool; contexts?: ContextCache },
  who: { tenantId: string; apiKeyId: string; timeZone: string; keyRevoked?: boolean },
  raw: unknown[],
  now = new Date(),
): Promise<{ results: UsageResult[]; balance: { available: bigint; reserved: bigint } }> {
  const results: UsageResult[] = new Array(raw.length);
  const priced: Array<PricedEvent & { index: number }> = [];
  const seen = new Set<string>();
  for (const [index, item] of raw.entries()) {
    const parsed = usageEventSchema.safeParse(item);
    const requestId =
      typeof (item as { requestId?: unknown })?.requestId === "string"
        ? (item as { requestId: string }).requestId
        : null;
    if (!parsed.success) {
      results[index] = {
        index,
        requestId,
        status: "rejected",
        reason: zodFieldErrors(parsed.error)
          .map((e) => `${e.path}: ${e.message}`)
          .join("; "),
      };
      continue;
    }
    const e = parsed.data;
    const occurredAt = e.occurredAt ? new Date(e.occurredAt) : now;
    const model = await loadModelPrice(deps.prisma, e.model, occurredAt, deps.contexts);
    if (!model)
      results[index] = {
        index,
        requestId: e.requestId,
        status: "rejected",
        reason: `model: unknown model "${e.model}"`,
      };
    else if (occurredAt.getTime() > now.getTime() + FUTURE_SLACK_MS)
      results[index] = {
        index,
        requestId: e.requestId,
        status: "rejected",
        reason: "occurredAt: is in the future",
      };
    else if (seen.has(e.requestId)) results[index] = { index, requestId: e.requestId, status: "duplicate" };
    else {
      seen.add(e.requestId);
      priced.push({ ...e, index, occurredAt, cost: callCost(model, e) });
    }
  }

  const { inserted, unauthorized, balance } = await withTransaction(deps.pool, (client) =>
    settleBatch(
      client,
      { id: who.tenantId, timeZone: who.timeZone },
      { id: who.apiKeyId, revoked: Boolean(who.keyRevoked) },
      priced,
      now,
    ),
  );
  for (const e of priced) {
    results[e.index] = inserted.has(e.requestId)
      ? { index: e.index, requestId: e.requestId, status: "accepted", cost: e.cost }
      : unauthorized.has(e.requestId)
        ? {
            index: e.index,
            requestId: e.requestId,
            status: "rejected",
            reason: "key_revoked: this key was revoked and had not been authorized for this call",
          }
        : { index: e.index, requestId: e.requestId, status: "duplicate" };
  }
  return { results, balance };
}
