// The outbound guard (OWASP API7) through the admin API, with private URLs NOT allowed (as in
// production; the other channel tests allow them for their local receiver): a channel URL the
// dashboard refuses is refused here with the same answer and nothing written, a change of target
// is guarded like a new one, and a test send to a private address that was stored anyway is
// stopped at delivery — the receiver never hears of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { channelForm } from "@/lib/alerts/manage-forms";
import { rowCounts, startAdminServer, type AdminServer } from "@/test/admin-server";
import { createChannel } from "@/test/alert-fixtures";
import { createTenantWithKey } from "@/test/fixtures";
import { startReceiver } from "@/test/receiver";

let s: AdminServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let tenantId: string;
let dashboard: typeof import("@/lib/alerts/manage-actions");
const operator = { kind: "USER" as const, id: null, ip: null };

beforeAll(async () => {
  delete process.env.ALERTS_ALLOW_PRIVATE_URLS;
  delete process.env.TOLLGATE_DEMO;
  s = await startAdminServer("admin_channels_ssrf");
  receiver = await startReceiver();
  tenantId = (await createTenantWithKey(s.db.prisma, { slug: "ssrf", available: 1_000_000n })).tenant.id;
  dashboard = await import("@/lib/alerts/manage-actions");
});
afterAll(async () => {
  await receiver?.close();
  const { pool } = await import("@/lib/db/pool");
  await pool().end();
  await s?.close();
});

const channels = () => `/api/v1/admin/tenants/${tenantId}/channels`;

describe("channel URLs the guard refuses", () => {
  it.each([
    [
      "the cloud metadata address over http",
      "http://169.254.169.254/latest/meta-data/",
      "must be an https:// URL",
    ],
    [
      "the cloud metadata address over https",
      "https://169.254.169.254/latest/meta-data/",
      "169.254.169.254 is not a public address",
    ],
    ["a private network address", "https://10.0.0.7/hook", "10.0.0.7 is not a public address"],
    ["the IPv6 loopback", "https://[::1]:8443/hook", "::1 is not a public address"],
    ["an IPv4-mapped loopback", "https://[::ffff:127.0.0.1]/hook", "::ffff:7f00:1 is not a public address"],
    ["a local receiver", "http://127.0.0.1:9/hook", "must be an https:// URL"],
    ["credentials in the URL", "https://user:pw@hooks.example.com/x", "must not carry credentials"],
  ])("refuses %s (422) as the dashboard does, writing nothing", async (_case, target, why) => {
    const before = await rowCounts(s.db);
    const res = await s.call("POST", channels(), { kind: "WEBHOOK", name: "hook", target });
    expect(res.status).toBe(422);
    const problem = await res.json();
    const sentence = `The URL ${why}.`;
    expect(problem).toMatchObject({
      code: "validation_failed",
      detail: sentence,
      errors: [{ path: "target", message: sentence }],
    });
    // The dashboard's action, given the same channel, is refused with the same error.
    await expect(
      dashboard.createChannelAction({
        actor: operator,
        tenantId,
        input: channelForm.parse({ kind: "WEBHOOK", name: "hook", target }),
      }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      detail: sentence,
      extensions: { errors: problem.errors },
    });
    expect(await rowCounts(s.db)).toEqual(before);
  });

  it("guards a new target like a new channel, and lets a public one through", async () => {
    const ch = await createChannel(s.db.prisma, tenantId, "https://hooks.example.com/a");
    const before = await rowCounts(s.db);
    const res = await s.call("PATCH", `${channels()}/${ch.id}`, { target: "https://169.254.169.254/x" });
    expect(res.status).toBe(422);
    expect((await res.json()).errors).toEqual([
      { path: "target", message: "The URL 169.254.169.254 is not a public address." },
    ]);
    expect(await rowCounts(s.db)).toEqual(before);
    const ok = await s.call("PATCH", `${channels()}/${ch.id}`, { target: "https://hooks.example.com/b" });
    expect(ok.status).toBe(200);
    expect((await ok.json()).target).toBe("https://hooks.example.com/b");
  });

  it("stops a test send to a private address at delivery, even for a channel stored before the guard", async () => {
    const stored = await createChannel(s.db.prisma, tenantId, `${receiver.url}/in`);
    const res = await s.call("POST", `${channels()}/${stored.id}/test`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      delivered: false,
      responseCode: null,
      error: "URL must be an https:// URL",
    });
    const literal = await createChannel(s.db.prisma, tenantId, "https://127.0.0.1:1/in");
    expect(await (await s.call("POST", `${channels()}/${literal.id}/test`)).json()).toMatchObject({
      delivered: false,
      error: "URL 127.0.0.1 is not a public address",
    });
    expect(receiver.requests).toHaveLength(0);
    // A rename keeps a stored URL as it is: it is guarded again at every delivery.
    const renamed = await s.call("PATCH", `${channels()}/${literal.id}`, { name: "old hook" });
    expect(renamed.status).toBe(200);
  });
});
