// GET /api/v1/admin/decisions/{decisionId} – one decision, whichever tenant it was for
import { getDecisionOperation } from "@/lib/api/operations/admin-reads";
import { prisma } from "@/lib/db";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { findDecision } from "@/lib/reads/decisions";

export const dynamic = "force-dynamic";

export const GET = route({ operation: getDecisionOperation, auth: adminToken }, async ({ params }) =>
  json(await findDecision(prisma, params.decisionId)),
);
