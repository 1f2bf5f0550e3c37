// The catalogue's domain functions against real PostgreSQL: versions written and kept, the answers,
// the audit rows, the refusals (404, 409, 422) that write nothing, and the decision cache cleared.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { AuditActor } from "@/lib/audit/record";
import { changePrice } from "@/lib/catalog/change-price";
import { deactivateModel } from "@/lib/catalog/deactivate-model";
import { modelBodySchema, priceChangeSchema } from "@/lib/catalog/model-input";
import { getModel, listModels, modelPriceAt } from "@/lib/catalog/read-models";
import { upsertModel } from "@/lib/catalog/upsert-model";
import { AppError } from "@/lib/errors/app-error";
import { loadModelPrice, processContextCache } from "@/lib/keys/key-context";
import { createTestDatabase, type TestDatabase } from "@/test/db";

const token: AuditActor = { kind: "ADMIN_TOKEN", id: null, ip: "203.0.113.9" };
const user: AuditActor = { kind: "USER", id: "usr_ops", ip: null };
const T0 = new Date("2026-12-01T00:00:00.000Z");
const HOUR = 3_600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("catalog");
});
afterAll(async () => {
  await db?.drop();
});

const body = (extra: Record<string, unknown> = {}) =>
  modelBodySchema.parse({
    provider: "openai",
    displayName: "GPT-4o mini",
    inputPrice: "150000",
    outputPrice: "600000",
    ...extra,
  });
const change = (extra: Record<string, unknown>) => priceChangeSchema.parse(extra);
const audits = (id: string) =>
  db.prisma.auditLog.findMany({ where: { targetType: "Model", targetId: id }, orderBy: { id: "asc" } });

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("upsertModel", () => {
  it("creates a model with its first version at now, the cached price defaulting to the input price", async () => {
    const { created, model } = await upsertModel(
      db.prisma,
      token,
      "gpt-4o-mini",
      body({ maxOutputTokens: 16_384 }),
      T0,
    );
    expect(created).toBe(true);
    const first = {
      effectiveFrom: T0.toISOString(),
      inputPrice: "150000",
      outputPrice: "600000",
      cachedInputPrice: "150000",
      requestPrice: null,
      createdAt: expect.any(String),
      createdBy: "ADMIN_TOKEN",
      note: null,
    };
    expect(model).toEqual({
      id: "gpt-4o-mini",
      provider: "openai",
      displayName: "GPT-4o mini",
      contextWindow: null,
      maxOutputTokens: 16_384,
      active: true,
      price: first,
      nextPrice: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      prices: [first],
    });
    expect(await audits("gpt-4o-mini")).toEqual([
      expect.objectContaining({
        action: "model.upsert",
        actorKind: "ADMIN_TOKEN",
        ip: "203.0.113.9",
        before: null,
        after: expect.objectContaining({
          id: "gpt-4o-mini",
          price: expect.objectContaining({ inputPrice: "150000" }),
        }),
      }),
    ]);
  });

  it("writes nothing for a PUT that changes nothing: no version, no audit row", async () => {
    const before = await db.prisma.auditLog.count();
    const { created, model } = await upsertModel(
      db.prisma,
      token,
      "gpt-4o-mini",
      body({ maxOutputTokens: 16_384 }),
      at(1),
    );
    expect(created).toBe(false);
    expect(model.prices).toHaveLength(1);
    expect(await db.prisma.auditLog.count()).toBe(before);
  });

  it("changes the model's fields without a new version when the prices are the same", async () => {
    const { model } = await upsertModel(
      db.prisma,
      user,
      "gpt-4o-mini",
      body({ displayName: "4o mini", contextWindow: 128_000 }),
      at(2),
    );
    expect(model).toMatchObject({ displayName: "4o mini", contextWindow: 128_000, maxOutputTokens: null });
    expect(model.prices).toHaveLength(1);
    expect((await audits("gpt-4o-mini")).at(-1)).toMatchObject({
      actorKind: "USER",
      actorId: "usr_ops",
      before: expect.objectContaining({ displayName: "GPT-4o mini" }),
      after: expect.objectContaining({ displayName: "4o mini" }),
    });
  });

  it("starts a new version now when the prices differ, keeping the old one", async () => {
    const { model } = await upsertModel(
      db.prisma,
      user,
      "gpt-4o-mini",
      body({
        displayName: "4o mini",
        contextWindow: 128_000,
        inputPrice: 200_000,
        cachedInputPrice: "100000",
        note: "list price",
      }),
      at(3),
    );
    expect(model.price).toMatchObject({
      effectiveFrom: at(3).toISOString(),
      inputPrice: "200000",
      cachedInputPrice: "100000",
      createdBy: "USER:usr_ops",
      note: "list price",
    });
    expect(model.prices.map((p) => p.effectiveFrom)).toEqual([at(3).toISOString(), T0.toISOString()]);
  });
});

describe("changePrice", () => {
  it("schedules a version for later: the price now stays, the next one is announced, and it takes over at its instant", async () => {
    const model = await changePrice(
      db.prisma,
      token,
      "gpt-4o-mini",
      change({
        inputPrice: "300000",
        outputPrice: "900000",
        requestPrice: "50",
        effectiveFrom: at(10).toISOString(),
      }),
      at(4),
    );
    expect(model.price.inputPrice).toBe("200000");
    expect(model.nextPrice).toMatchObject({
      effectiveFrom: at(10).toISOString(),
      inputPrice: "300000",
      requestPrice: "50",
    });
    expect((await getModel(db.prisma, "gpt-4o-mini", at(10))).price.inputPrice).toBe("300000");
    expect((await getModel(db.prisma, "gpt-4o-mini", at(10))).nextPrice).toBeNull();
    expect(await modelPriceAt(db.prisma, "gpt-4o-mini", at(9.99))).toMatchObject({
      inputPrice: 200_000n,
      requestPrice: null,
    });
    expect(await modelPriceAt(db.prisma, "gpt-4o-mini", at(10))).toMatchObject({
      inputPrice: 300_000n,
      cachedInputPrice: 300_000n,
      requestPrice: 50n,
    });
    expect((await audits("gpt-4o-mini")).at(-1)).toMatchObject({
      action: "model.price_change",
      before: null,
      after: expect.objectContaining({ effectiveFrom: at(10).toISOString(), inputPrice: "300000" }),
    });
  });

  it("defaults effectiveFrom to now", async () => {
    await upsertModel(db.prisma, token, "cheap", body({ inputPrice: 1, outputPrice: 1 }), T0);
    const model = await changePrice(
      db.prisma,
      token,
      "cheap",
      change({ inputPrice: 2, outputPrice: 2 }),
      at(1),
    );
    expect(model.price).toMatchObject({ effectiveFrom: at(1).toISOString(), inputPrice: "2" });
  });

  it.each([
    ["an unknown model (404)", "nope", { inputPrice: 1, outputPrice: 1 }, "not_found"],
    [
      "a version at an instant another holds (409)",
      "gpt-4o-mini",
      { inputPrice: 1, outputPrice: 1, effectiveFrom: at(10).toISOString() },
      "conflict",
    ],
    [
      "an effectiveFrom in the past (422)",
      "gpt-4o-mini",
      { inputPrice: 1, outputPrice: 1, effectiveFrom: at(3).toISOString() },
      "validation_failed",
    ],
  ])("refuses %s, writing nothing", async (_name, id, edit, code) => {
    const [versions, audit] = await Promise.all([db.prisma.modelPrice.count(), db.prisma.auditLog.count()]);
    const e = await refusal(changePrice(db.prisma, token, id, change(edit), at(5)));
    expect(e.code).toBe(code);
    if (code !== "not_found")
      expect(e.extensions.errors).toEqual([{ path: "effectiveFrom", message: expect.any(String) }]);
    expect([await db.prisma.modelPrice.count(), await db.prisma.auditLog.count()]).toEqual([versions, audit]);
  });

  it("takes an effectiveFrom a moment behind the server's clock as now", async () => {
    await upsertModel(db.prisma, token, "skew", body(), T0);
    const model = await changePrice(
      db.prisma,
      token,
      "skew",
      change({ inputPrice: 5, outputPrice: 5, effectiveFrom: new Date(at(1).getTime() - 500).toISOString() }),
      at(1),
    );
    expect(model.price.effectiveFrom).toBe(at(1).toISOString());
  });
});

describe("deactivateModel, listModels, getModel", () => {
  it("withdraws a model once (audited), keeps its history, and a repeat writes nothing", async () => {
    await upsertModel(
      db.prisma,
      token,
      "anthropic/claude-3.5",
      body({ provider: "anthropic", displayName: "Claude" }),
      T0,
    );
    const model = await deactivateModel(db.prisma, user, "anthropic/claude-3.5", at(1));
    expect(model).toMatchObject({ id: "anthropic/claude-3.5", active: false, prices: [expect.any(Object)] });
    const count = await db.prisma.auditLog.count();
    expect((await deactivateModel(db.prisma, user, "anthropic/claude-3.5", at(2))).active).toBe(false);
    expect(await db.prisma.auditLog.count()).toBe(count);
    expect((await audits("anthropic/claude-3.5")).map((a) => a.action)).toEqual([
      "model.upsert",
      "model.deactivate",
    ]);
    expect((await refusal(deactivateModel(db.prisma, user, "nope"))).code).toBe("not_found");
    // A PUT offers it again.
    const { model: again } = await upsertModel(
      db.prisma,
      token,
      "anthropic/claude-3.5",
      body({ provider: "anthropic", displayName: "Claude" }),
      at(3),
    );
    expect(again.active).toBe(true);
  });

  it("lists every model by id with the price in force, and gives one model's history newest first", async () => {
    const models = await listModels(db.prisma, at(5));
    expect(models.map((m) => m.id)).toEqual(["anthropic/claude-3.5", "cheap", "gpt-4o-mini", "skew"]);
    expect(models.find((m) => m.id === "gpt-4o-mini")).toMatchObject({
      price: { inputPrice: "200000" },
      nextPrice: { inputPrice: "300000" },
    });
    expect(models[0]).not.toHaveProperty("prices");
    const history = (await getModel(db.prisma, "gpt-4o-mini", at(5))).prices;
    expect(history.map((p) => [p.effectiveFrom, p.inputPrice, p.createdBy])).toEqual([
      [at(10).toISOString(), "300000", "ADMIN_TOKEN"],
      [at(3).toISOString(), "200000", "USER:usr_ops"],
      [T0.toISOString(), "150000", "ADMIN_TOKEN"],
    ]);
    expect((await refusal(getModel(db.prisma, "nope"))).code).toBe("not_found");
  });
});

describe("the decision path's catalogue cache", () => {
  it("sees a write at once in this process: each write clears it", async () => {
    const prisma = db.prisma;
    await upsertModel(prisma, token, "cached", body({ inputPrice: 10, outputPrice: 10 }), T0);
    const cache = processContextCache();
    expect(await loadModelPrice(prisma, "cached", at(1), cache)).toMatchObject({
      inputPrice: 10n,
      active: true,
    });
    await changePrice(prisma, token, "cached", change({ inputPrice: 20, outputPrice: 20 }), at(1));
    expect(await loadModelPrice(prisma, "cached", at(2), cache)).toMatchObject({ inputPrice: 20n });
    // Prices at earlier instants are still the versions in force then (late usage is charged so).
    expect(await loadModelPrice(prisma, "cached", at(0.5), cache)).toMatchObject({ inputPrice: 10n });
    await deactivateModel(prisma, token, "cached", at(3));
    expect(await loadModelPrice(prisma, "cached", at(4), cache)).toMatchObject({
      active: false,
      inputPrice: 20n,
    });
    expect(await loadModelPrice(prisma, "nope", at(4), cache)).toBeNull();
  });
});
