// CSV exports of usage events, ledger entries and decisions, for any filter, streamed: rows are
// read in keyset-paged batches (never OFFSET, never the whole result in memory) and written as
// they come. A tenant's export is always scoped to its own tenant id by the caller; the tenant
// condition itself comes from lib/db/tenant-scope.ts like every other tenant query.
import type pg from "pg";
import { z } from "zod";

import { utc } from "@/lib/db/pool";
import { sqlTenantScope } from "@/lib/db/tenant-scope";
import { REFUSAL_CODES } from "@/lib/decisions/codes";

export const EXPORT_KINDS = ["usage", "ledger", "decisions"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const day = z.iso.date().optional().catch(undefined);
export const exportFilterSchema = z.object({
  tenantId: z.string().max(100).optional().catch(undefined),
  /** Inclusive day bounds, YYYY-MM-DD, in the time zone exportCsv is given (the tenant's; UTC for all tenants). */
  from: day,
  to: day,
  /** Usage and decisions of one API key (the ledger has no key: ignored there). */
  keyId: z.string().max(100).optional().catch(undefined),
  outcome: z.enum(["all", "allowed", "refused"]).catch("all"),
  code: z
    .enum(REFUSAL_CODES as [string, ...string[]])
    .optional()
    .catch(undefined),
});
export type ExportFilter = z.infer<typeof exportFilterSchema>;

/** RFC 4180: quote a field holding a comma, quote or line break; double the quotes. Formula-leading
 * characters are prefixed with ' so a spreadsheet never runs a cell (CSV injection). */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s = v instanceof Date ? v.toISOString() : typeof v === "object" ? JSON.stringify(v) : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvLine = (values: unknown[]) => `${values.map(csvField).join(",")}\r\n`;

type Spec = {
  header: string[];
  sql: (where: string, keyset: string) => string;
  keyOf: (row: Record<string, unknown>) => unknown[];
  keysetSql: string;
};

const SPECS: Record<ExportKind, Spec> = {
  usage: {
    header: [
      "occurred_at",
      "tenant_id",
      "api_key_id",
      "request_id",
      "model",
      "feature",
      "input_tokens",
      "output_tokens",
      "cost_micro_usd",
    ],
    keysetSql: `id > $K1::bigint`,
    sql: (
      where,
      keyset,
    ) => `SELECT id, "occurredAt" AS occurred_at, "tenantId" AS tenant_id, "apiKeyId" AS api_key_id, "requestId" AS request_id, model, feature,
      "inputTokens" AS input_tokens, "outputTokens" AS output_tokens, cost FROM "UsageEvent" WHERE ${where} ${keyset} ORDER BY id LIMIT $L`,
    keyOf: (r) => [r.id],
  },
  ledger: {
    header: [
      "created_at",
      "tenant_id",
      "kind",
      "amount_micro_usd",
      "balance_after_micro_usd",
      "reason",
      "actor_kind",
      "actor_id",
      "entry_id",
    ],
    keysetSql: `id > $K1::bigint`,
    sql: (
      where,
      keyset,
    ) => `SELECT id, "createdAt" AS created_at, "tenantId" AS tenant_id, kind::text, amount, "balanceAfter" AS balance_after, reason,
      "actorKind"::text AS actor_kind, "actorId" AS actor_id FROM "CreditLedgerEntry" WHERE ${where} ${keyset} ORDER BY id LIMIT $L`,
    keyOf: (r) => [r.id],
  },
  decisions: {
    header: [
      "created_at",
      "tenant_id",
      "api_key_id",
      "request_id",
      "model",
      "feature",
      "allowed",
      "code",
      "http_status",
      "cost_micro_usd",
      "decision_id",
      "details",
    ],
    keysetSql: `("createdAt", id) > ($K1::timestamp, $K2::text)`,
    sql: (
      where,
      keyset,
    ) => `SELECT id, "createdAt" AS created_at, "tenantId" AS tenant_id, "apiKeyId" AS api_key_id, "requestId" AS request_id, model, feature,
      allowed, code, "httpStatus" AS http_status, cost, details FROM "Decision" WHERE ${where} ${keyset} ORDER BY "createdAt", id LIMIT $L`,
    keyOf: (r) => [utc(r.created_at as Date), r.id],
  },
};

const TIME_COLUMN: Record<ExportKind, string> = {
  usage: `"occurredAt"`,
  ledger: `"createdAt"`,
  decisions: `"createdAt"`,
};

function rowValues(kind: ExportKind, r: Record<string, unknown>): unknown[] {
  if (kind === "usage")
    return [
      r.occurred_at,
      r.tenant_id,
      r.api_key_id,
      r.request_id,
      r.model,
      r.feature,
      r.input_tokens,
      r.output_tokens,
      r.cost,
    ];
  if (kind === "ledger")
    return [
      r.created_at,
      r.tenant_id,
      r.kind,
      r.amount,
      r.balance_after,
      r.reason,
      r.actor_kind,
      r.actor_id,
      r.id,
    ];
  return [
    r.created_at,
    r.tenant_id,
    r.api_key_id,
    r.request_id,
    r.model,
    r.feature,
    r.allowed,
    r.code,
    r.http_status,
    r.cost,
    r.id,
    r.details,
  ];
}

const tenantCondition = sqlTenantScope(`"tenantId"`, "$?");
// A local day's start as the naive UTC timestamp the rows hold, so the time index still serves.
const dayStart = (placeholder: string, zone: string) =>
  `((${placeholder}::date)::timestamp AT TIME ZONE ${zone}) AT TIME ZONE 'UTC'`;

/** The CSV as chunks: the header line, then one chunk per batch of rows. */
export async function* exportCsv(
  db: pg.Pool,
  kind: ExportKind,
  f: ExportFilter,
  opts: { batchSize?: number; timeZone?: string } = {},
): AsyncGenerator<string> {
  const spec = SPECS[kind];
  const batchSize = opts.batchSize ?? 2_000;
  const conds: string[] = ["true"];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    conds.push(sql.replaceAll("$?", `$${params.length}`));
  };
  if (f.tenantId) add(tenantCondition.condition, tenantCondition.value([f.tenantId]));
  if (f.from || f.to) {
    params.push(opts.timeZone ?? "UTC");
    const zone = `$${params.length}::text`;
    if (f.from) add(`${TIME_COLUMN[kind]} >= ${dayStart("$?", zone)}`, f.from);
    // The next day's start, not +24 h: a local day across a DST change is 23 or 25 hours long.
    if (f.to) add(`${TIME_COLUMN[kind]} < ${dayStart("($?::date + 1)", zone)}`, f.to);
  }
  if (kind !== "ledger" && f.keyId) add(`"apiKeyId" = $?`, f.keyId);
  if (kind === "decisions" && f.outcome !== "all") add(`allowed = $?`, f.outcome === "allowed");
  if (kind === "decisions" && f.code) add(`code = $?`, f.code);
  yield csvLine(spec.header);
  let key: unknown[] | null = null;
  for (;;) {
    const p = [...params];
    let keyset = "";
    if (key) {
      keyset = `AND ${spec.keysetSql.replace("$K1", `$${p.length + 1}`).replace("$K2", `$${p.length + 2}`)}`;
      p.push(...key);
    }
    p.push(batchSize);
    const { rows } = await db.query<Record<string, unknown>>(
      spec.sql(conds.join(" AND "), keyset).replace("$L", `$${p.length}`),
      p,
    );
    if (rows.length === 0) return;
    yield rows.map((r) => csvLine(rowValues(kind, r))).join("");
    if (rows.length < batchSize) return;
    key = spec.keyOf(rows[rows.length - 1]!);
  }
}
