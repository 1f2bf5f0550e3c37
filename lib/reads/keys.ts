// A tenant's API keys for the admin read API, newest first, optionally by status. Never the
// secret nor its hash (apiKeyJson).
import { after, NEWEST_FIRST, toPage, unknownCursor, type PageRequest } from "@/lib/db/page";
import { tenantScope } from "@/lib/db/tenant-scope";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ApiKeyStatus } from "@/lib/generated/prisma/enums";
import { apiKeyJson } from "@/lib/keys/api-key-json";
import { requireTenant } from "@/lib/reads/require-tenant";

export async function listApiKeys(
  prisma: PrismaClient,
  tenantId: string,
  q: PageRequest & { status?: ApiKeyStatus },
) {
  await requireTenant(prisma, tenantId);
  const scope = tenantScope(tenantId);
  const cursor = q.startingAfter
    ? await prisma.apiKey.findFirst({
        where: { ...scope, id: q.startingAfter },
        select: { createdAt: true, id: true },
      })
    : null;
  if (q.startingAfter && !cursor) throw unknownCursor();
  const rows = await prisma.apiKey.findMany({
    where: { ...scope, ...(q.status ? { status: q.status } : {}), ...after(cursor) },
    orderBy: NEWEST_FIRST,
    take: q.limit + 1,
  });
  return toPage(rows, q, apiKeyJson);
}
