// GET /api/v1/admin/tenants/{id}/alert-rules/{ruleId} – an alert rule and where it stands
// PATCH /api/v1/admin/tenants/{id}/alert-rules/{ruleId} – change it, or switch it off or on
// DELETE /api/v1/admin/tenants/{id}/alert-rules/{ruleId} – delete it, as the dashboard does
import { ruleView } from "@/lib/alerts/api-view";
import { deleteRule, updateRule } from "@/lib/alerts/manage";
import {
  deleteAlertRuleOperation,
  getAlertRuleOperation,
  updateAlertRuleOperation,
} from "@/lib/api/operations/alerts";
import { prisma } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ operation: getAlertRuleOperation, auth: adminToken }, async ({ params }) =>
  json(await ruleView(prisma, params.id, params.ruleId)),
);

export const PATCH = route(
  { operation: updateAlertRuleOperation, auth: adminToken },
  async ({ auth: actor, params, body }) => {
    await updateRule(prisma, actor, params.id, params.ruleId, body, { appUrl: appUrl() });
    return json(await ruleView(prisma, params.id, params.ruleId));
  },
);

export const DELETE = route(
  { operation: deleteAlertRuleOperation, auth: adminToken },
  async ({ auth: actor, params }) =>
    json({ ...(await deleteRule(prisma, actor, params.id, params.ruleId)), deleted: true }),
);
