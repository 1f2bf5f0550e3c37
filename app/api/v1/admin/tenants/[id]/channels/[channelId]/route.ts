// GET /api/v1/admin/tenants/{id}/channels/{channelId} – a notification channel (never its secret)
// PATCH /api/v1/admin/tenants/{id}/channels/{channelId} – rename, retarget (guarded), switch off or on
// DELETE /api/v1/admin/tenants/{id}/channels/{channelId} – delete it, as the dashboard does
import { channelView } from "@/lib/alerts/api-view";
import { deleteChannel, updateChannel } from "@/lib/alerts/manage-channels";
import {
  deleteChannelOperation,
  getChannelOperation,
  updateChannelOperation,
} from "@/lib/api/operations/alerts";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { sendDepsFromEnv } from "@/lib/notify/send-deps-from-env";

export const dynamic = "force-dynamic";

export const GET = route({ operation: getChannelOperation, auth: adminToken }, async ({ params }) =>
  json(await channelView(prisma, params.id, params.channelId)),
);

export const PATCH = route(
  { operation: updateChannelOperation, auth: adminToken },
  async ({ auth: actor, params, body }) => {
    await updateChannel(prisma, actor, params.id, params.channelId, body, {
      allowPrivate: sendDepsFromEnv(env()).allowPrivate,
    });
    return json(await channelView(prisma, params.id, params.channelId));
  },
);

export const DELETE = route(
  { operation: deleteChannelOperation, auth: adminToken },
  async ({ auth: actor, params }) =>
    json({ ...(await deleteChannel(prisma, actor, params.id, params.channelId)), deleted: true }),
);
