// POST /api/v1/admin/tenants/{id}/channels/{channelId}/test – send a sample now and answer what happened
import { channelTestJson } from "@/lib/alerts/api-view";
import { testChannel } from "@/lib/alerts/test-channel";
import { testChannelOperation } from "@/lib/api/operations/alerts";
import { adminToken } from "@/lib/http/auth/admin-token";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route({ operation: testChannelOperation, auth: adminToken }, async ({ params }) =>
  json(channelTestJson(await testChannel(params.id, params.channelId))),
);
