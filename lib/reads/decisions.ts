// The decision log for the admin read API: a tenant's decisions newest first (by outcome and
// refusal code), and any one decision by id across tenants (a support ticket quotes a decisionId).
// `details` is what the recorder stored with the answer (lib/authorize/recorder.ts); what it says
// about the refusal (detail, remedy, the numbers) is lifted out here into a fixed shape.
import { after, NEWEST_FIRST, toPage, unknownCursor, type PageRequest } from "@/lib/db/page";
import { tenantScope } from "@/lib/db/tenant-scope";
import type { RefusalCode } from "@/lib/decisions/codes";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { requireTenant } from "@/lib/reads/require-tenant";

const include = {
  apiKey: { select: { id: true, name: true, prefix: true } },
} satisfies Prisma.DecisionInclude;
type DecisionRow = Prisma.DecisionGetPayload<{ include: typeof include }>;

type Details = Record<string, unknown>;
const text = (v: unknown): string | null =>
  typeof v === "string" || typeof v === "number" || typeof v === "bigint" ? String(v) : null;

export function decisionJson(d: DecisionRow) {
  const details: Details =
    d.details && typeof d.details === "object" && !Array.isArray(d.details) ? (d.details as Details) : {};
  const remedy = details.remedy as { action?: unknown; url?: unknown } | undefined;
  const reservation = details.reservation as { id?: unknown } | undefined;
  return {
    id: d.id,
    tenantId: d.tenantId,
    apiKey: d.apiKey,
    requestId: d.requestId,
    model: d.model,
    feature: d.feature,
    outcome: d.allowed ? ("allowed" as const) : ("refused" as const),
    code: d.code,
    httpStatus: d.httpStatus,
    detail: text(details.detail),
    remedy:
      remedy && typeof remedy.action === "string" && typeof remedy.url === "string"
        ? { action: remedy.action, url: remedy.url }
        : null,
    retryable: typeof details.retryable === "boolean" ? details.retryable : null,
    numbers: {
      cost: d.cost?.toString() ?? null,
      limit: text(details.limit),
      used: text(details.used),
      remaining: text(details.remaining),
      resetsAt: text(details.resetsAt),
    },
    reservationId: text(reservation?.id),
    createdAt: d.createdAt.toISOString(),
  };
}

export async function listDecisions(
  prisma: PrismaClient,
  tenantId: string,
  q: PageRequest & { outcome?: "allowed" | "refused"; code?: RefusalCode },
) {
  await requireTenant(prisma, tenantId);
  const scope = tenantScope(tenantId);
  const cursor = q.startingAfter
    ? await prisma.decision.findFirst({
        where: { ...scope, id: q.startingAfter },
        select: { createdAt: true, id: true },
      })
    : null;
  if (q.startingAfter && !cursor) throw unknownCursor();
  const rows = await prisma.decision.findMany({
    where: {
      ...scope,
      ...(q.outcome ? { allowed: q.outcome === "allowed" } : {}),
      ...(q.code ? { code: q.code } : {}),
      ...after(cursor),
    },
    orderBy: NEWEST_FIRST,
    take: q.limit + 1,
    include,
  });
  return toPage(rows, q, decisionJson);
}

/** Admin only: any tenant's decision (or one made for no tenant: an unknown key). */
export async function findDecision(prisma: PrismaClient, decisionId: string) {
  const row = await prisma.decision.findUnique({ where: { id: decisionId }, include });
  if (!row) throw new AppError("not_found", "No decision has this id.");
  return decisionJson(row);
}
