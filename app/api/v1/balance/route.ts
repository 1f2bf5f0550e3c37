// GET /api/v1/balance – the key's tenant: balance, quota, plan, billing state, days of credit left
import { balanceOperation } from "@/lib/api/operations/decisions";
import { pool } from "@/lib/db/pool";
import { apiKey } from "@/lib/http/auth/api-key";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { balanceReport } from "@/lib/usage/balance-report";

export const dynamic = "force-dynamic";

export const GET = route({ operation: balanceOperation, auth: apiKey() }, async ({ auth: key }) =>
  json(await balanceReport(pool(), key)),
);
