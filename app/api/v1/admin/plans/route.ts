// GET /api/v1/admin/plans – every plan with all its limits and prices
import { adminJson, adminRoute } from "@/lib/http/admin-route";
import { listPlans } from "@/lib/plans/manage-plans";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = adminRoute(async () => adminJson({ plans: await listPlans(prisma) }));
