// Column lists for the demo's bulk inserts (lib/demo/insert-rows.ts), typed against the rows
// buildDemo() makes, so a renamed field fails the type check rather than the seed.
import type { DemoRows } from "@/lib/demo/build";
import type { Column } from "@/lib/demo/insert-rows";

type Row<K extends keyof DemoRows> = DemoRows[K][number];

const usageEvents: Column<Row<"usageEvents">>[] = [
  ["tenantId", "text", (r) => r.tenantId],
  ["apiKeyId", "text", (r) => r.apiKeyId],
  ["requestId", "text", (r) => r.requestId],
  ["model", "text", (r) => r.model],
  ["feature", "text", (r) => r.feature],
  ["inputTokens", "int", (r) => r.inputTokens],
  ["outputTokens", "int", (r) => r.outputTokens],
  ["cost", "bigint", (r) => r.cost],
  ["occurredAt", "timestamp", (r) => r.occurredAt],
  ["receivedAt", "timestamp", (r) => r.receivedAt],
];

const rollups: Column<Row<"rollups">>[] = [
  ["tenantId", "text", (r) => r.tenantId],
  ["day", "date", (r) => r.day],
  ["model", "text", (r) => r.model],
  ["requests", "int", (r) => r.requests],
  ["inputTokens", "bigint", (r) => r.inputTokens],
  ["outputTokens", "bigint", (r) => r.outputTokens],
  ["cost", "bigint", (r) => r.cost],
];

const ledgerEntries: Column<Row<"ledgerEntries">>[] = [
  ["tenantId", "text", (r) => r.tenantId],
  ["kind", '"LedgerKind"', (r) => r.kind],
  ["amount", "bigint", (r) => r.amount],
  ["balanceAfter", "bigint", (r) => r.balanceAfter],
  ["grantId", "text", (r) => r.grantId],
  ["stripeObjectId", "text", (r) => r.stripeObjectId],
  ["actorKind", '"ActorKind"', (r) => r.actorKind],
  ["reason", "text", (r) => r.reason],
  ["idempotencyKey", "text", (r) => r.idempotencyKey],
  ["createdAt", "timestamp", (r) => r.createdAt],
];

const decisions: Column<Row<"decisions">>[] = [
  ["id", "text", (r) => r.id],
  ["tenantId", "text", (r) => r.tenantId],
  ["apiKeyId", "text", (r) => r.apiKeyId],
  ["requestId", "text", (r) => r.requestId],
  ["model", "text", (r) => r.model],
  ["feature", "text", (r) => r.feature],
  ["allowed", "bool", (r) => r.allowed],
  ["code", "text", (r) => r.code],
  ["httpStatus", "int", (r) => r.httpStatus],
  ["cost", "bigint", (r) => r.cost],
  ["details", "jsonb", (r) => r.details],
  ["createdAt", "timestamp", (r) => r.createdAt],
];

export const tableColumns = { usageEvents, rollups, ledgerEntries, decisions };
