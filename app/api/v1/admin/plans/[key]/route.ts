// PUT /api/v1/admin/plans/{key} – create or replace a plan (201 created, 200 replaced)

import { putPlanOperation } from "@/lib/api/operations/admin";
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { upsertPlan } from "@/lib/plans/manage-plans";

export const dynamic = "force-dynamic";

export const PUT = route(
  { operation: putPlanOperation, auth: adminToken },
  async ({ auth: actor, params, body }) => {
    const { created, plan } = await upsertPlan(prisma, actor, params.key, body);
    return json(plan, { status: created ? 201 : 200 });
  },
);
