// GET /api/v1/admin/tenants/{id}/channels – a tenant's notification channels, a page at a time
// POST /api/v1/admin/tenants/{id}/channels – add one (URL guarded); a webhook's secret in this answer only
import { channelsPage, channelView } from "@/lib/alerts/api-view";
import { createChannel } from "@/lib/alerts/manage-channels";
import { createChannelOperation, listChannelsOperation } from "@/lib/api/operations/alerts";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { sendDepsFromEnv } from "@/lib/notify/send-deps-from-env";

export const dynamic = "force-dynamic";

export const GET = route({ operation: listChannelsOperation, auth: adminToken }, async ({ params, query }) =>
  json(await channelsPage(prisma, params.id, query)),
);

export const POST = route(
  { operation: createChannelOperation, auth: adminToken },
  async ({ auth: actor, params, body }) => {
    const { id, attachedRules, secret } = await createChannel(prisma, actor, params.id, body, {
      allowPrivate: sendDepsFromEnv(env()).allowPrivate,
    });
    return json({ ...(await channelView(prisma, params.id, id)), attachedRules, secret }, { status: 201 });
  },
);
