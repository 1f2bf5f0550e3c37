// GET /api/dashboard/tenants/{id}/summary – an administrator's live view of one tenant's standing (balance, banner, remedy)
import { adminTenantSummaryOperation } from "@/lib/api/operations/dashboard";
import { tenantSummary } from "@/lib/dashboard/tenant-summary";
import { prisma } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { AppError } from "@/lib/errors/app-error";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { session } from "@/lib/web/session-auth";

export const dynamic = "force-dynamic";

export const GET = route(
  { operation: adminTenantSummaryOperation, auth: session({ area: "admin" }) },
  async ({ params }) => {
    const summary = await tenantSummary(prisma, pool(), params.id);
    if (!summary) throw new AppError("not_found");
    return json(summary);
  },
);
