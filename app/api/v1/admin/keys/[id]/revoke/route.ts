// POST /api/v1/admin/keys/{id}/revoke – stop a key for good (within the 5 s key cache bound)
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { revokeApiKey } from "@/lib/keys/key-lifecycle";
import { idParams } from "@/lib/validation/inputs";

export const dynamic = "force-dynamic";

export const POST = route({ auth: adminToken, params: idParams }, async ({ auth: actor, params }) =>
  json(await revokeApiKey(prisma, actor, params.id)),
);
