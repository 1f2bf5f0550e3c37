// What the webhook test files share: a webhook server on a database of their own (started and
// closed around the file), the plans Stripe prices map to, the event clock, and small helpers to
// make a Stripe-linked tenant, deliver a signed event and read what it left behind.
import { afterAll, beforeAll } from "vitest";

import { createTenantWithKey } from "@/test/fixtures";
import { postEvent } from "@/test/stripe/events";
import { startWebhookServer, type WebhookServer } from "@/test/stripe/webhook-server";

export const T0 = 1_780_000_000; // event clock (unix seconds)
export const PERIOD = { periodStart: 1_779_000_000, periodEnd: 1_781_592_000 };
export const sec = (unix: number) => new Date(unix * 1000);

/** Registers the file's beforeAll/afterAll; `s.db` and `s.url` are readable from the tests on. */
export function webhookTestServer(label: string) {
  let server: WebhookServer | undefined;
  beforeAll(async () => {
    server = await startWebhookServer(label);
    const p = server.db.prisma;
    await createTenantWithKey(p, { slug: "seed-plans", available: 0n, planKey: "free" });
    await p.plan.create({
      data: {
        key: "pro",
        name: "Pro",
        monthlyPrice: 49_000_000n,
        stripePriceId: "price_pro",
        requestsPerMinute: 600,
        features: [],
        allowedModels: [],
        topUpAmounts: [],
      },
    });
    await p.plan.create({
      data: {
        key: "team",
        name: "Team",
        monthlyPrice: 99_000_000n,
        stripePriceId: "price_team",
        requestsPerMinute: 1200,
        features: [],
        allowedModels: [],
        topUpAmounts: [],
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });
  const s = {
    get db() {
      return server!.db;
    },
    get url() {
      return server!.url;
    },
  };
  let n = 0;
  return {
    s,
    /** A tenant on the free plan, linked to `customerId` (null: not linked to any customer). */
    async tenant(customerId: string | null = `cus_${++n}`) {
      const { tenant } = await createTenantWithKey(s.db.prisma, {
        slug: `t${++n}`,
        available: 0n,
        planKey: "free",
      });
      if (customerId)
        await s.db.prisma.tenant.update({ where: { id: tenant.id }, data: { stripeCustomerId: customerId } });
      return { tenantId: tenant.id, customerId: customerId ?? `cus_unlinked_${n}` };
    },
    async send(e: object) {
      const res = await postEvent(s.url, e);
      return { status: res.status, body: await res.json() };
    },
    stored: (id: string) => s.db.prisma.stripeEvent.findUniqueOrThrow({ where: { id } }),
    audits: (causeId: string) =>
      s.db.prisma.auditLog.findMany({ where: { causeId }, orderBy: { id: "asc" } }),
  };
}
