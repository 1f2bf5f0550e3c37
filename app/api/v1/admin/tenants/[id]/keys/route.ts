// POST /api/v1/admin/tenants/{id}/keys – issue an API key; its secret is in this answer only
import { adminJson, adminRoute } from "@/lib/http/admin-route";
import { createApiKey, createApiKeySchema } from "@/lib/keys/key-lifecycle";
import { idParams } from "@/lib/validation/inputs";
import { readJson } from "@/lib/http/read-json";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

export const POST = adminRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }, actor) => {
  const { id } = idParams.parse(await ctx.params);
  const body = await readJson(req, createApiKeySchema);
  return adminJson(await createApiKey(prisma, actor, id, body), 201);
});
