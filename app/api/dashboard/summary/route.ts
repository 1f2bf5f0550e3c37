// GET /api/dashboard/summary – the signed-in tenant's balance, banner and recent refusals (live refresh)
import { prisma } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { AppError } from "@/lib/errors/app-error";
import { tenantSummary } from "@/lib/tenants/tenant-summary";
import { sessionRoute } from "@/lib/web/session-route";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({ area: "tenant" }, async (_req, _ctx, user) => {
  const summary = await tenantSummary(prisma, pool(), user.tenantId);
  if (!summary) throw new AppError("not_found");
  return Response.json(summary, { headers: { "Cache-Control": "no-store" } });
});
