// GET /api/v1/admin/plans – every plan with all its limits and prices
import { listPlansOperation } from "@/lib/api/operations/admin";
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { listPlans } from "@/lib/plans/manage-plans";

export const dynamic = "force-dynamic";

export const GET = route({ operation: listPlansOperation, auth: adminToken }, async () =>
  json({ plans: await listPlans(prisma) }),
);
