// The audit page's loader: one page of changes, newest first, paged by id (a BigInt cursor).
import "server-only";

import { prisma } from "@/lib/db";

const PAGE = 50;

/** `before`: the id of the last row shown, as decimal digits; `action`: an exact action name. */
export async function loadAuditLog(q: { before?: string; action?: string }) {
  const rows = await prisma.auditLog.findMany({
    where: {
      ...(q.before ? { id: { lt: BigInt(q.before) } } : {}),
      ...(q.action ? { action: q.action } : {}),
    },
    orderBy: { id: "desc" },
    take: PAGE + 1,
    include: { tenant: { select: { name: true } } },
  });
  const page = rows.slice(0, PAGE);
  return { page, next: rows.length > PAGE ? page[page.length - 1]!.id.toString() : null };
}
