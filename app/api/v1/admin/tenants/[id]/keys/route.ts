// GET /api/v1/admin/tenants/{id}/keys – the tenant's API keys, newest first (never their secrets)
// POST /api/v1/admin/tenants/{id}/keys – issue an API key; its secret is in this answer only
import { createApiKeyOperation } from "@/lib/api/operations/admin";
import { listApiKeysOperation } from "@/lib/api/operations/admin-reads";
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { createApiKey } from "@/lib/keys/key-lifecycle";
import { listApiKeys } from "@/lib/reads/keys";

export const dynamic = "force-dynamic";

export const GET = route({ operation: listApiKeysOperation, auth: adminToken }, async ({ params, query }) =>
  json(await listApiKeys(prisma, params.id, query)),
);

export const POST = route(
  { operation: createApiKeyOperation, auth: adminToken },
  async ({ auth: actor, params, body }) =>
    json(await createApiKey(prisma, actor, params.id, body), { status: 201 }),
);
