// POST /api/v1/admin/keys/{id}/approve – let a key awaiting approval make calls
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { approveApiKey } from "@/lib/keys/key-lifecycle";
import { idParams } from "@/lib/validation/inputs";

export const dynamic = "force-dynamic";

export const POST = route({ auth: adminToken, params: idParams }, async ({ auth: actor, params }) =>
  json(await approveApiKey(prisma, actor, params.id)),
);
