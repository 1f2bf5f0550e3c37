// GET /api/v1/admin/tenants/{id}/alert-rules – a tenant's alert rules, a page at a time
// POST /api/v1/admin/tenants/{id}/alert-rules – add a rule, checked and evaluated as in the dashboard
import { rulesPage, ruleView } from "@/lib/alerts/api-view";
import { createRule } from "@/lib/alerts/manage";
import { createAlertRuleOperation, listAlertRulesOperation } from "@/lib/api/operations/alerts";
import { prisma } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  { operation: listAlertRulesOperation, auth: adminToken },
  async ({ params, query }) => json(await rulesPage(prisma, params.id, query)),
);

export const POST = route(
  { operation: createAlertRuleOperation, auth: adminToken },
  async ({ auth: actor, params, body }) => {
    const { id } = await createRule(prisma, actor, params.id, body, { appUrl: appUrl() });
    return json(await ruleView(prisma, params.id, id), { status: 201 });
  },
);
