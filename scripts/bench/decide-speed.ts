// decide() calls per second in-process, on a snapshot that passes every check (the longest path).
import { decide } from "@/lib/decisions/decide";
import type { DecisionSnapshot } from "@/lib/decisions/types";

export function decideCallsPerSecond(iterations = 2_000_000): number {
  const now = new Date("2026-11-25T12:00:00Z");
  const snapshot: DecisionSnapshot = {
    key: { id: "k", status: "ACTIVE", allowedModels: [], dailySpendCap: 10n ** 12n, monthlySpendCap: null },
    tenant: {
      id: "t",
      timeZone: "UTC",
      status: "ACTIVE",
      dailySpendCap: 10n ** 12n,
      monthlySpendCap: 10n ** 12n,
    },
    plan: {
      key: "pro",
      monthlyPrice: 1n,
      monthlyTokenQuota: 10n ** 12n,
      quotaMode: "HARD",
      requestsPerMinute: 600,
      maxContextTokens: 128_000,
      features: ["chat", "tools"],
      allowedModels: ["m"],
      pastDueGraceDays: 3,
      requiresPaymentMethod: true,
    },
    subscription: { status: "active", pastDueSince: null },
    defaultCard: { expMonth: 12, expYear: 2030 },
    openInvoiceUrl: null,
    model: {
      id: "m",
      active: true,
      maxOutputTokens: null,
      inputPrice: 150_000n,
      outputPrice: 600_000n,
      cachedInputPrice: 150_000n,
      requestPrice: null,
    },
    balance: { available: 10n ** 12n, reserved: 0n },
    quota: { used: 0n, resetsAt: now },
    spend: { tenantDay: 0n, tenantMonth: 0n, keyDay: 0n, keyMonth: 0n, dayResetsAt: now, monthResetsAt: now },
    rateLimit: { limit: 600, remaining: 500, resetsAt: now, limited: false },
    appUrl: "",
  };
  const request = { model: "m", feature: "chat", inputTokens: 1000, maxOutputTokens: 500 };
  let allowed = 0;
  for (let i = 0; i < 50_000; i++) decide(snapshot, request, now); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) if (decide(snapshot, request, now).allowed) allowed++;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (allowed !== iterations) throw new Error("decide() refused the benchmark snapshot");
  return iterations / seconds;
}
