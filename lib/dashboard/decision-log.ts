// The decision log ("why was this refused?"): newest first, filtered by tenant, outcome, code and
// key, paged by a (createdAt, id) cursor so deep pages cost the same as the first.
import { z } from "zod";

import { viewScope } from "@/lib/db/tenant-scope";
import { REFUSAL_CODES } from "@/lib/decisions/codes";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export const decisionFilterSchema = z.object({
  outcome: z.enum(["all", "allowed", "refused"]).catch("all"),
  code: z
    .enum(REFUSAL_CODES as [string, ...string[]])
    .optional()
    .catch(undefined),
  keyId: z.string().max(100).optional().catch(undefined),
  tenantId: z.string().max(100).optional().catch(undefined),
  before: z.string().max(200).optional().catch(undefined),
});
export type DecisionFilter = z.infer<typeof decisionFilterSchema>;

export const DECISION_PAGE = 50;

/** Cursor "<ISO time>_<id>" of the last row shown. */
const cursorOf = (d: { createdAt: Date; id: string }) => `${d.createdAt.toISOString()}_${d.id}`;

function parseCursor(c: string | undefined): { at: Date; id: string } | null {
  if (!c) return null;
  const i = c.indexOf("_");
  const at = new Date(c.slice(0, i));
  return i > 0 && !Number.isNaN(at.getTime()) ? { at, id: c.slice(i + 1) } : null;
}

export function decisionWhere(f: DecisionFilter, scopeTenantId?: string): Prisma.DecisionWhereInput {
  // A tenant's own log passes its tenant id, which overrides any tenantId filter in the URL.
  const where: Prisma.DecisionWhereInput = { ...viewScope(scopeTenantId, f.tenantId) };
  if (f.outcome === "allowed") where.allowed = true;
  if (f.outcome === "refused") where.allowed = false;
  if (f.code) where.code = f.code;
  if (f.keyId) where.apiKeyId = f.keyId;
  return where;
}

export async function listDecisions(
  prisma: PrismaClient,
  f: DecisionFilter,
  opts: { scopeTenantId?: string; pageSize?: number } = {},
) {
  const take = opts.pageSize ?? DECISION_PAGE;
  const where = decisionWhere(f, opts.scopeTenantId);
  const cursor = parseCursor(f.before);
  if (cursor) where.OR = [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }];
  const rows = await prisma.decision.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    include: {
      tenant: { select: { name: true, timeZone: true } },
      apiKey: { select: { name: true, prefix: true } },
    },
  });
  const page = rows.slice(0, take);
  return { rows: page, next: rows.length > take ? cursorOf(page[page.length - 1]!) : null };
}

export type DecisionRow = Awaited<ReturnType<typeof listDecisions>>["rows"][number];
