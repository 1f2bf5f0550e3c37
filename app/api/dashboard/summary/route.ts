// GET /api/dashboard/summary – the signed-in tenant's balance, banner and recent refusals (live refresh)
import { tenantSummaryOperation } from "@/lib/api/operations/dashboard";
import { tenantSummary } from "@/lib/dashboard/tenant-summary";
import { prisma } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { AppError } from "@/lib/errors/app-error";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { session } from "@/lib/web/session-auth";

export const dynamic = "force-dynamic";

export const GET = route(
  { operation: tenantSummaryOperation, auth: session({ area: "tenant" }) },
  async ({ auth: user }) => {
    const summary = await tenantSummary(prisma, pool(), user.tenantId);
    if (!summary) throw new AppError("not_found");
    return json(summary);
  },
);
