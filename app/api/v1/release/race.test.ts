// Release racing usage (and the expiry sweep) on the same reservations, over real HTTP against real
// PostgreSQL, all at once: whichever wins, a hold is given back exactly once and every usage event
// is charged exactly once, so the balance ends at the start minus what was charged, to the µUSD.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@/test/db";
import { createTenantWithKey } from "@/test/fixtures";
import { serveRoutes } from "@/test/serve-route";

let db: TestDatabase;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  db = await createTestDatabase("release_race");
  process.env.DATABASE_URL = db.url;
  server = await serveRoutes(["/api/v1/authorize", "/api/v1/usage", "/api/v1/release"]);
});
afterAll(async () => {
  await server?.close();
  await (await import("@/lib/authorize/runtime")).decisionDeps().recorder.flush();
  const [{ pool }, { prisma }] = await Promise.all([import("@/lib/db/pool"), import("@/lib/db")]);
  await Promise.all([pool().end(), prisma.$disconnect()]);
  await db?.drop();
});

const post = async (route: string, secret: string, body: unknown) => {
  const res = await fetch(`${server.url}${route}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${secret}` },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return res.json();
};

const HOLD = 450n; // 1,000 in + 500 max out of gpt-4o-mini
const COST = 270n; // 1,000 in + 200 out

/** Shuffled, so neither kind of request is always sent first. */
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

async function reserve(secret: string, requestIds: string[]): Promise<Map<string, string>> {
  const answers = await Promise.all(
    requestIds.map((requestId) =>
      post("/api/v1/authorize", secret, {
        requestId,
        model: "gpt-4o-mini",
        inputTokens: 1000,
        maxOutputTokens: 500,
      }),
    ),
  );
  return new Map(answers.map((a) => [a.requestId as string, a.reservation.id as string]));
}

type ReleaseAnswer = { requestId: string; status: string; released: string };

/** Every invariant that must hold whoever won each race. */
async function expectExactBooks(tenantId: string, start: bigint, releases: ReleaseAnswer[]) {
  const [balance, ledger, reservations, usage] = await Promise.all([
    db.prisma.creditBalance.findUniqueOrThrow({ where: { tenantId } }),
    db.prisma.creditLedgerEntry.findMany({ where: { tenantId } }),
    db.prisma.reservation.findMany({ where: { tenantId } }),
    db.prisma.usageEvent.findMany({ where: { tenantId } }),
  ]);
  const charged = usage.reduce((s, u) => s + u.cost, 0n);
  expect(charged).toBe(COST * BigInt(usage.length));
  // The balance is the start minus what was charged, nothing held, and the ledger agrees.
  expect(balance).toMatchObject({ available: start - charged, reserved: 0n, reservedTokens: 0n });
  expect(start + ledger.reduce((s, l) => s + l.amount, 0n)).toBe(balance.available);
  expect(ledger.filter((l) => l.kind === "CHARGE")).toHaveLength(usage.length);

  for (const r of reservations) {
    expect(["RELEASED", "SETTLED", "EXPIRED"]).toContain(r.status);
    // Exactly one give-back per hold, whoever gave it back.
    const entries = ledger.filter((l) => l.reservationId === r.id && l.kind === "RELEASE");
    expect(entries.map((l) => l.amount)).toEqual([HOLD]);
    const wins = releases.filter((a) => a.requestId === r.requestId && a.status === "released");
    expect(wins).toHaveLength(r.status === "RELEASED" ? 1 : 0);
    const event = usage.find((u) => u.requestId === r.requestId)!;
    // Usage settles the hold only when it found it held; otherwise it is charged on its own.
    expect(event.reservationId).toBe(r.status === "SETTLED" ? r.id : null);
  }
  const given = releases.reduce((s, a) => s + BigInt(a.released), 0n);
  expect(given).toBe(HOLD * BigInt(reservations.filter((r) => r.status === "RELEASED").length));
  return reservations;
}

const split = (rs: Array<{ status: string }>) =>
  Object.fromEntries(
    ["RELEASED", "SETTLED", "EXPIRED"].map((s) => [s, rs.filter((r) => r.status === s).length]),
  );

describe("release racing usage on the same reservations", () => {
  it("gives back or settles each hold exactly once: 60 release + usage pairs at once", async () => {
    const start = 1_000_000n;
    const { tenant, secret } = await createTenantWithKey(db.prisma, { slug: "pairs", available: start });
    const ids = Array.from({ length: 60 }, (_, i) => `pair-${i}`);
    const holds = await reserve(secret, ids);

    const calls = shuffle(
      ids.flatMap((requestId) => [
        () => post("/api/v1/release", secret, { requestId, reason: "race" }) as Promise<ReleaseAnswer>,
        () =>
          post("/api/v1/usage", secret, {
            requestId,
            reservationId: holds.get(requestId),
            model: "gpt-4o-mini",
            inputTokens: 1000,
            outputTokens: 200,
          }),
      ]),
    );
    const answers = await Promise.all(calls.map((call) => call()));
    const releases = answers.filter((a): a is ReleaseAnswer => "status" in a);
    const usages = answers.filter((a) => "accepted" in a);
    expect(releases.map((a) => a.status).every((s) => s === "released" || s === "already_settled")).toBe(
      true,
    );
    expect(usages.every((u) => u.accepted === 1 && u.results[0].cost === "270")).toBe(true);

    const reservations = await expectExactBooks(tenant.id, start, releases);
    console.log("release vs usage, who won:", split(reservations));
  });

  it("and with the expiry sweep and a second release in the race too", async () => {
    const start = 1_000_000n;
    const { tenant, secret } = await createTenantWithKey(db.prisma, { slug: "triples", available: start });
    const ids = Array.from({ length: 30 }, (_, i) => `triple-${i}`);
    const holds = await reserve(secret, ids);
    const { pool } = await import("@/lib/db/pool");
    const { releaseExpiredReservations } = await import("@/lib/ledger/release-expired");
    const later = new Date(Date.now() + 3_600_000);
    // Only the even ones have expired by the sweep's clock: the odd ones race release and usage only.
    await db.prisma.reservation.updateMany({
      where: { tenantId: tenant.id, requestId: { in: ids.filter((_, i) => i % 2 === 1) } },
      data: { expiresAt: new Date(later.getTime() + 3_600_000) },
    });

    const calls: Array<() => Promise<unknown>> = shuffle(
      ids.flatMap((requestId) => [
        () => post("/api/v1/release", secret, { requestId }),
        () => post("/api/v1/release", secret, { reservationId: holds.get(requestId) }),
        () =>
          post("/api/v1/usage", secret, {
            requestId,
            model: "gpt-4o-mini",
            inputTokens: 1000,
            outputTokens: 200,
          }),
      ]),
    );
    // The sweep runs in the middle of the storm, not before it: three times, staggered.
    const sweeps = [150, 400, 800].map((ms) =>
      new Promise((done) => setTimeout(done, ms)).then(() => releaseExpiredReservations(pool(), later)),
    );
    const [answers] = await Promise.all([Promise.all(calls.map((call) => call())), Promise.all(sweeps)]);
    const releases = answers.filter(
      (a): a is ReleaseAnswer => typeof a === "object" && a !== null && "status" in a,
    );
    expect(releases).toHaveLength(60);
    expect(
      releases.every((a) =>
        ["released", "already_released", "already_settled", "already_expired"].includes(a.status),
      ),
    ).toBe(true);

    const reservations = await expectExactBooks(tenant.id, start, releases);
    console.log("release vs usage vs expiry, who won:", split(reservations));
  });
});
