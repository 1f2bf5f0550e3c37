// POST /api/v1/admin/keys/{id}/approve – let a key awaiting approval make calls
import { adminJson, adminRoute } from "@/lib/http/admin-route";
import { approveApiKey } from "@/lib/keys/key-lifecycle";
import { idParams } from "@/lib/validation/inputs";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

export const POST = adminRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }, actor) => {
  const { id } = idParams.parse(await ctx.params);
  return adminJson(await approveApiKey(prisma, actor, id));
});
