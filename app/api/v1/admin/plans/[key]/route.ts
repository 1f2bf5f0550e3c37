// PUT /api/v1/admin/plans/{key} – create or replace a plan (201 created, 200 replaced)
import { z } from "zod";

import { adminJson, adminRoute } from "@/lib/http/admin-route";
import { planBodySchema, planKeySchema, upsertPlan } from "@/lib/plans/manage-plans";
import { readJson } from "@/lib/http/read-json";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

const params = z.object({ key: planKeySchema });

export const PUT = adminRoute(async (req: Request, ctx: { params: Promise<{ key: string }> }, actor) => {
  const { key } = params.parse(await ctx.params);
  const body = await readJson(req, planBodySchema);
  const { created, plan } = await upsertPlan(prisma, actor, key, body);
  return adminJson(plan, created ? 201 : 200);
});
