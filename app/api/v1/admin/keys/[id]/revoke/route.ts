// POST /api/v1/admin/keys/{id}/revoke – stop a key for good (within the 5 s key cache bound)
import { revokeApiKeyOperation } from "@/lib/api/operations/admin";
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { revokeApiKey } from "@/lib/keys/key-lifecycle";

export const dynamic = "force-dynamic";

export const POST = route(
  { operation: revokeApiKeyOperation, auth: adminToken },
  async ({ auth: actor, params }) => json(await revokeApiKey(prisma, actor, params.id)),
);
