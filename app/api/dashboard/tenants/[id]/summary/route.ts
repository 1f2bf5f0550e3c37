// GET /api/dashboard/tenants/{id}/summary – an administrator's live view of one tenant's standing (balance, banner, remedy)
import { prisma } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { AppError } from "@/lib/errors/app-error";
import { tenantSummary } from "@/lib/tenants/tenant-summary";
import { sessionRoute } from "@/lib/web/session-route";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({ area: "admin" }, async (_req, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const summary = await tenantSummary(prisma, pool(), id);
  if (!summary) throw new AppError("not_found");
  return Response.json(summary, { headers: { "Cache-Control": "no-store" } });
});
