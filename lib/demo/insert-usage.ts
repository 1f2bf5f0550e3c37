// Bulk insert of usage events with one `unnest` statement per chunk: an order of magnitude
// faster than createMany for tens of thousands of rows, and still one transaction.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DemoUsageEvent } from "@/lib/demo/usage";

export async function insertUsageEvents(tx: Prisma.TransactionClient, events: DemoUsageEvent[]): Promise<void> {
  const CHUNK = 10_000;
  for (let i = 0; i < events.length; i += CHUNK) {
    const rows = events.slice(i, i + CHUNK);
    await tx.$executeRaw`
      INSERT INTO "UsageEvent" ("tenantId", "apiKeyId", "requestId", "model", "feature", "inputTokens", "outputTokens", "cost", "occurredAt", "receivedAt")
      SELECT * FROM unnest(
        ${rows.map((e) => e.tenantId)}::text[], ${rows.map((e) => e.apiKeyId)}::text[], ${rows.map((e) => e.requestId)}::text[],
        ${rows.map((e) => e.model)}::text[], ${rows.map((e) => e.feature)}::text[], ${rows.map((e) => e.inputTokens)}::int[],
        ${rows.map((e) => e.outputTokens)}::int[], ${rows.map((e) => e.cost.toString())}::bigint[],
        ${rows.map((e) => e.occurredAt.toISOString())}::timestamptz[], ${rows.map((e) => e.receivedAt.toISOString())}::timestamptz[]
      )`;
  }
}
