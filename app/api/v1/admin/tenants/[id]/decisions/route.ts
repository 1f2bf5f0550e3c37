// GET /api/v1/admin/tenants/{id}/decisions – the tenant's authorize decisions, newest first
import { listDecisionsOperation } from "@/lib/api/operations/admin-reads";
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { listDecisions } from "@/lib/reads/decisions";

export const dynamic = "force-dynamic";

export const GET = route({ operation: listDecisionsOperation, auth: adminToken }, async ({ params, query }) =>
  json(await listDecisions(prisma, params.id, query)),
);
