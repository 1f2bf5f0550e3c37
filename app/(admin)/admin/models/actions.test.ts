// The /admin/models actions as a signed-in admin calls them: dollars per million tokens in, exact
// micro-USD versions out, audited with the admin as the actor; refusals are the form's messages.
// Only the session is mocked; requireUser, the domain functions and PostgreSQL are real.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { ActionState } from "@/lib/forms/action-state";
import { createTestDatabase, type TestDatabase } from "@/test/db";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("server-only", () => ({}));
vi.mock("next-auth", () => ({
  getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  forbidden: () => {
    throw new Error("forbidden");
  },
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.4" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let db: TestDatabase;
let actions: typeof import("@/app/(admin)/admin/models/actions");
const INITIAL: ActionState = { ok: false };
const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
};

beforeAll(async () => {
  db = await createTestDatabase("models_actions");
  process.env.DATABASE_URL = db.url;
  await db.prisma.user.create({
    data: {
      id: "usr_admin",
      email: "admin@tollgate.test",
      name: "Admin",
      passwordHash: "unused",
      role: "ADMIN",
    },
  });
  session.userId = "usr_admin";
  actions = await import("@/app/(admin)/admin/models/actions");
});
afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  await db?.drop();
});

describe("/admin/models actions", () => {
  it("adds a model from dollars per million tokens, exactly, audited with the admin", async () => {
    const r = await actions.addModelAction(
      INITIAL,
      form({
        id: "gpt-4o-mini",
        provider: "openai",
        displayName: "GPT-4o mini",
        contextWindow: "128000",
        maxOutputTokens: "16384",
        inputPrice: "0.15",
        outputPrice: "0.60",
        cachedInputPrice: "0.075",
        requestPrice: "",
      }),
    );
    expect(r).toEqual({ ok: true, message: "GPT-4o mini added" });
    expect(await db.prisma.modelPrice.findMany({ where: { modelId: "gpt-4o-mini" } })).toEqual([
      expect.objectContaining({
        inputPrice: 150_000n,
        outputPrice: 600_000n,
        cachedInputPrice: 75_000n,
        requestPrice: null,
        createdBy: "USER:usr_admin",
      }),
    ]);
    expect(await db.prisma.auditLog.findFirstOrThrow({ where: { action: "model.upsert" } })).toMatchObject({
      actorKind: "USER",
      actorId: "usr_admin",
      ip: "198.51.100.4",
    });
  });

  it("refuses to add an id the catalog has (the field says so), changing nothing", async () => {
    const r = await actions.addModelAction(
      INITIAL,
      form({ id: "gpt-4o-mini", provider: "x", displayName: "X", inputPrice: "9", outputPrice: "9" }),
    );
    expect(r).toMatchObject({ ok: false, fieldErrors: { id: [expect.stringContaining("already")] } });
    expect(await db.prisma.modelPrice.count()).toBe(1);
  });

  it("schedules a price change at a UTC instant, and changes one now", async () => {
    const later = new Date(Date.now() + 86_400_000);
    const local = later.toISOString().slice(0, 16); // what <input type="datetime-local"> sends, in UTC
    expect(
      await actions.changePriceAction(
        INITIAL,
        form({
          modelId: "gpt-4o-mini",
          inputPrice: "0.20",
          outputPrice: "0.80",
          effectiveFrom: local,
          note: "rise",
        }),
      ),
    ).toEqual({ ok: true, message: "Price change scheduled" });
    expect(
      await actions.changePriceAction(
        INITIAL,
        form({ modelId: "gpt-4o-mini", inputPrice: "0.10", outputPrice: "0.40" }),
      ),
    ).toEqual({ ok: true, message: "Price changed" });
    const versions = await db.prisma.modelPrice.findMany({
      where: { modelId: "gpt-4o-mini" },
      orderBy: { effectiveFrom: "asc" },
    });
    expect(versions.map((v) => [v.inputPrice, v.cachedInputPrice, v.note])).toEqual([
      [150_000n, 75_000n, null],
      [100_000n, 100_000n, null],
      [200_000n, 200_000n, "rise"],
    ]);
    expect(versions[2]!.effectiveFrom.toISOString()).toBe(`${local}:00.000Z`);
  });

  it("answers a price in the past with the field's message, and a bad price before any work", async () => {
    const past = await actions.changePriceAction(
      INITIAL,
      form({ modelId: "gpt-4o-mini", inputPrice: "1", outputPrice: "1", effectiveFrom: "2020-01-01T00:00" }),
    );
    expect(past).toMatchObject({
      ok: false,
      fieldErrors: { effectiveFrom: [expect.stringContaining("past")] },
    });
    const bad = await actions.changePriceAction(
      INITIAL,
      form({ modelId: "gpt-4o-mini", inputPrice: "cheap", outputPrice: "1" }),
    );
    expect(bad).toMatchObject({ ok: false, fieldErrors: { inputPrice: [expect.any(String)] } });
    expect(await db.prisma.modelPrice.count()).toBe(3);
  });

  it("shows the page the price in force, the scheduled one and the history with their states", async () => {
    const { loadModelCatalog } = await import("@/lib/dashboard/load-models");
    const [row] = await loadModelCatalog(new Date());
    expect(row).toMatchObject({
      id: "gpt-4o-mini",
      maxOutputTokens: 16_384,
      current: { inputPrice: 100_000n, state: "in force" },
      next: { inputPrice: 200_000n, state: "scheduled", note: "rise" },
    });
    expect(row!.history.map((v) => [v.inputPrice, v.state])).toEqual([
      [200_000n, "scheduled"],
      [100_000n, "in force"],
      [150_000n, "past"],
    ]);
  });

  it("withdraws a model", async () => {
    expect(await actions.deactivateModelAction(INITIAL, form({ modelId: "gpt-4o-mini" }))).toEqual({
      ok: true,
      message: "GPT-4o mini withdrawn",
    });
    expect((await db.prisma.model.findUniqueOrThrow({ where: { id: "gpt-4o-mini" } })).active).toBe(false);
  });
});
