// GET /api/v1/admin/tenants/{id}/ledger – the tenant's credit ledger, newest first
import { listLedgerOperation } from "@/lib/api/operations/admin-reads";
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { listLedger } from "@/lib/reads/ledger";

export const dynamic = "force-dynamic";

export const GET = route({ operation: listLedgerOperation, auth: adminToken }, async ({ params, query }) =>
  json(await listLedger(prisma, params.id, query)),
);
