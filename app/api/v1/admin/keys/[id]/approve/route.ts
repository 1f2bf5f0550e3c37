// POST /api/v1/admin/keys/{id}/approve – let a key awaiting approval make calls
import { approveApiKeyOperation } from "@/lib/api/operations/admin";
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { approveApiKey } from "@/lib/keys/key-lifecycle";

export const dynamic = "force-dynamic";

export const POST = route(
  { operation: approveApiKeyOperation, auth: adminToken },
  async ({ auth: actor, params }) => json(await approveApiKey(prisma, actor, params.id)),
);
