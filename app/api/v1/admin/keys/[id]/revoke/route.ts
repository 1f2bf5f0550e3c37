// POST /api/v1/admin/keys/{id}/revoke – stop a key for good (within the 5 s key cache bound)
import { adminJson, adminRoute } from "@/lib/http/admin-route";
import { revokeApiKey } from "@/lib/keys/key-lifecycle";
import { idParams } from "@/lib/validation/inputs";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

export const POST = adminRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }, actor) => {
  const { id } = idParams.parse(await ctx.params);
  return adminJson(await revokeApiKey(prisma, actor, id));
});
