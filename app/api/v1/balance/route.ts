// GET /api/v1/balance – the key's tenant: balance, quota, plan, billing state, days of credit left
import { apiRoute } from "@/lib/http/handler";
import { authenticateKey } from "@/lib/http/key-auth";
import { prisma } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { balanceReport } from "@/lib/usage/balance-report";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (req) => {
  const ctx = await authenticateKey(prisma, req);
  return Response.json(await balanceReport(pool(), ctx), { headers: { "Cache-Control": "no-store" } });
});
