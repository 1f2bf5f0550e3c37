// The demo is anchored to the real current time, so it must hold together whenever it is loaded:
// across DST changes, month and year ends, and the 1st of a month when last month's card has
// only just expired. buildDemo() itself asks decide() about every decision it writes and throws
// on a contradiction; these tests add the invariants it does not check.
import { describe, expect, it } from "vitest";

import { REFUSAL_CODES } from "@/lib/decisions/codes";
import { cardExpiresAt } from "@/lib/decisions/decide";
import { DEMO_TENANTS } from "@/lib/demo/accounts";
import { buildDemo } from "@/lib/demo/build";
import { tenantIdOf } from "@/lib/demo/ids";
import { timelineOf } from "@/lib/demo/timeline";

const DAY = 86_400_000;
const sumBy = <T>(items: T[], key: (item: T) => string, value: (item: T) => bigint) => {
  const out = new Map<string, bigint>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0n) + value(item));
  return out;
};

describe("buildDemo", () => {
  it("gives the same rows for the same `now`", () => {
    const now = new Date("2026-11-25T07:30:00.000Z");
    expect(buildDemo(now)).toEqual(buildDemo(now));
  });

  it.each([
    ["US DST starts", "2026-03-08T07:30:00Z"],
    ["EU DST starts", "2026-03-29T01:30:00Z"],
    ["US DST ends", "2026-11-01T05:30:00Z"],
    ["the 1st, minutes after last month's cards expired", "2026-12-01T00:10:00Z"],
    ["a new year", "2027-01-01T00:05:00Z"],
    ["the last second of February", "2026-02-28T23:59:59Z"],
  ])("holds together on %s (%s)", (_what, iso) => {
    const now = new Date(iso);
    const rows = buildDemo(now);

    expect(new Set(rows.decisions.filter((d) => !d.allowed).map((d) => d.code))).toEqual(
      new Set(REFUSAL_CODES),
    );
    expect(rows.decisions.every((d) => d.createdAt < now)).toBe(true);

    // Ledgers end at the balance; charges are exactly the usage.
    const ledger = sumBy(
      rows.ledgerEntries,
      (e) => e.tenantId,
      (e) => e.amount,
    );
    for (const b of rows.balances) expect(ledger.get(b.tenantId) ?? 0n).toBe(b.available);
    const charged = sumBy(
      rows.ledgerEntries.filter((e) => e.kind === "CHARGE"),
      (e) => e.tenantId,
      (e) => -e.amount,
    );
    expect(charged).toEqual(
      sumBy(
        rows.usageEvents,
        (e) => e.tenantId,
        (e) => e.cost,
      ),
    );
    expect(
      sumBy(
        rows.rollups,
        (r) => r.tenantId,
        (r) => BigInt(r.requests),
      ),
    ).toEqual(
      sumBy(
        rows.usageEvents,
        (e) => e.tenantId,
        () => 1n,
      ),
    );

    // Usage only between sign-up and the moment the story blocks the tenant.
    for (const t of DEMO_TENANTS) {
      const tl = timelineOf(t, now);
      const until = Math.min(now.getTime(), tl.blockedFrom?.getTime() ?? Infinity);
      const times = rows.usageEvents
        .filter((e) => e.tenantId === tenantIdOf(t.slug))
        .map((e) => e.occurredAt.getTime());
      expect(
        times.every((x) => x >= tl.usageFrom.getTime() && x < until),
        t.slug,
      ).toBe(true);
    }

    const card = (slug: string) => rows.paymentMethods.find((p) => p.tenantId === tenantIdOf(slug))!;
    expect(cardExpiresAt(card("card-expired")).getTime()).toBeLessThanOrEqual(now.getTime());
    const expiring = cardExpiresAt(card("card-expiring")).getTime() - now.getTime();
    expect(expiring).toBeGreaterThan(0);
    // Cards expire at a month's end: on the 1st of a 31-day month the nearest one is 31 days off.
    expect(expiring).toBeLessThanOrEqual(31 * DAY);
  });
});
