// The model catalogue's admin routes over real HTTP against real PostgreSQL: every answer checked
// against its operation's declared schema, the rows and audit written, and the 404/409/422 answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { modelDetailSchema, modelSchema } from "@/lib/api/schemas/models";
import { rowCounts, startAdminServer, type AdminServer } from "@/test/admin-server";

let s: AdminServer;
beforeAll(async () => {
  s = await startAdminServer("admin_models");
});
afterAll(async () => {
  await s?.close();
});

const MINI = {
  provider: "openai",
  displayName: "GPT-4o mini",
  contextWindow: 128_000,
  maxOutputTokens: 16_384,
  inputPrice: "150000",
  outputPrice: 600_000,
  cachedInputPrice: "75000",
};
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

async function problem(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = await res.json();
  expect(body).toMatchObject({ status, code });
  return body;
}

describe("PUT /api/v1/admin/models/{id}", () => {
  it("creates a model with its first price version (201), stored, answered as declared, and audited", async () => {
    const res = await s.call("PUT", "/api/v1/admin/models/gpt-4o-mini", MINI, {
      "X-Forwarded-For": "203.0.113.5",
    });
    expect(res.status).toBe(201);
    const body = modelDetailSchema.parse(await res.json());
    expect(body).toMatchObject({
      id: "gpt-4o-mini",
      active: true,
      maxOutputTokens: 16_384,
      price: {
        inputPrice: "150000",
        outputPrice: "600000",
        cachedInputPrice: "75000",
        requestPrice: null,
        createdBy: "ADMIN_TOKEN",
      },
      nextPrice: null,
    });
    expect(body.prices).toHaveLength(1);
    expect(await s.db.prisma.modelPrice.findMany({ where: { modelId: "gpt-4o-mini" } })).toEqual([
      expect.objectContaining({
        inputPrice: 150_000n,
        outputPrice: 600_000n,
        cachedInputPrice: 75_000n,
        requestPrice: null,
      }),
    ]);
    expect(
      await s.db.prisma.auditLog.findFirstOrThrow({
        where: { action: "model.upsert", targetId: "gpt-4o-mini" },
      }),
    ).toMatchObject({
      actorKind: "ADMIN_TOKEN",
      ip: "203.0.113.5",
      targetType: "Model",
      before: null,
      after: expect.objectContaining({ id: "gpt-4o-mini" }),
    });
  });

  it("answers 200 to a repeat and writes nothing; new prices are a new version (200)", async () => {
    const before = await rowCounts(s.db);
    const same = await s.call("PUT", "/api/v1/admin/models/gpt-4o-mini", MINI);
    expect(same.status).toBe(200);
    expect(await rowCounts(s.db)).toEqual(before);
    const cut = await s.call("PUT", "/api/v1/admin/models/gpt-4o-mini", { ...MINI, inputPrice: "100000" });
    expect(cut.status).toBe(200);
    const body = modelDetailSchema.parse(await cut.json());
    expect(body.price.inputPrice).toBe("100000");
    // The new version is the whole price sent: here the same cached price.
    expect(body.price.cachedInputPrice).toBe("75000");
    expect(body.prices.map((p) => p.inputPrice)).toEqual(["100000", "150000"]);
  });

  it("takes an id with a slash, sent as %2F", async () => {
    const res = await s.call("PUT", "/api/v1/admin/models/anthropic%2Fclaude-3.5", {
      provider: "anthropic",
      displayName: "Claude 3.5",
      inputPrice: 3_000_000,
      outputPrice: 15_000_000,
    });
    expect(res.status).toBe(201);
    expect((await res.json()).id).toBe("anthropic/claude-3.5");
    const got = await s.call("GET", "/api/v1/admin/models/anthropic%2Fclaude-3.5");
    expect(got.status).toBe(200);
    expect(modelDetailSchema.parse(await got.json()).price.cachedInputPrice).toBe("3000000");
  });

  it("refuses a malformed id (422 on the path) and bad prices (422 naming them), writing nothing", async () => {
    const before = await rowCounts(s.db);
    const badId = await problem(
      await s.call("PUT", "/api/v1/admin/models/gpt%204o", MINI),
      422,
      "validation_failed",
    );
    expect(badId.errors[0].path).toBe("id");
    const badPrices = await problem(
      await s.call("PUT", "/api/v1/admin/models/bad-prices", { ...MINI, inputPrice: "-5", outputPrice: 1.5 }),
      422,
      "validation_failed",
    );
    expect(badPrices.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "inputPrice",
      "outputPrice",
    ]);
    expect(await rowCounts(s.db)).toEqual(before);
  });
});

describe("POST /api/v1/admin/models/{id}/prices", () => {
  it("schedules a dated version (201): the price in force stays, the next one is announced", async () => {
    const effectiveFrom = inAnHour();
    const res = await s.call("POST", "/api/v1/admin/models/gpt-4o-mini/prices", {
      inputPrice: "200000",
      outputPrice: "800000",
      requestPrice: "1000",
      effectiveFrom,
      note: "List price rise",
    });
    expect(res.status).toBe(201);
    const body = modelDetailSchema.parse(await res.json());
    expect(body.price.inputPrice).toBe("100000");
    expect(body.nextPrice).toMatchObject({
      effectiveFrom,
      inputPrice: "200000",
      cachedInputPrice: "200000",
      requestPrice: "1000",
      note: "List price rise",
    });
    expect(
      await s.db.prisma.auditLog.count({ where: { action: "model.price_change", targetId: "gpt-4o-mini" } }),
    ).toBe(1);
  });

  it.each([
    [
      "a second version at the same instant",
      "gpt-4o-mini",
      () => ({ effectiveFrom: "later" }),
      409,
      "conflict",
    ],
    [
      "a version in the past",
      "gpt-4o-mini",
      () => ({ effectiveFrom: "2020-01-01T00:00:00Z" }),
      422,
      "validation_failed",
    ],
    ["an unknown model", "gpt-9", () => ({}), 404, "not_found"],
  ])("refuses %s, writing nothing", async (_name, id, extra, status, code) => {
    const fields: { effectiveFrom?: string } = extra();
    if (fields.effectiveFrom === "later") {
      const existing = await s.db.prisma.modelPrice.findFirstOrThrow({
        where: { modelId: "gpt-4o-mini" },
        orderBy: { effectiveFrom: "desc" },
      });
      fields.effectiveFrom = existing.effectiveFrom.toISOString();
    }
    const before = await rowCounts(s.db);
    const body = await problem(
      await s.call("POST", `/api/v1/admin/models/${id}/prices`, { inputPrice: 1, outputPrice: 1, ...fields }),
      status,
      code,
    );
    if (status !== 404) expect(body.errors).toEqual([{ path: "effectiveFrom", message: expect.any(String) }]);
    expect(await rowCounts(s.db)).toEqual(before);
  });
});

describe("GET /api/v1/admin/models and /{id}", () => {
  it("lists the catalog by id with the price in force and what is scheduled", async () => {
    const res = await s.call("GET", "/api/v1/admin/models");
    expect(res.status).toBe(200);
    const { models } = (await res.json()) as { models: unknown[] };
    const parsed = models.map((m) => modelSchema.strict().parse(m));
    expect(parsed.map((m) => m.id)).toEqual(["anthropic/claude-3.5", "gpt-4o-mini"]);
    expect(parsed[1]).toMatchObject({ price: { inputPrice: "100000" }, nextPrice: { inputPrice: "200000" } });
  });

  it("gives one model's history, newest first, and 404 for an unknown one", async () => {
    const res = await s.call("GET", "/api/v1/admin/models/gpt-4o-mini");
    const body = modelDetailSchema.parse(await res.json());
    expect(body.prices.map((p) => p.inputPrice)).toEqual(["200000", "100000", "150000"]);
    await problem(await s.call("GET", "/api/v1/admin/models/gpt-9"), 404, "not_found");
  });
});

describe("DELETE /api/v1/admin/models/{id}", () => {
  it("withdraws the model (200 with the model), keeps its history, and a repeat writes nothing", async () => {
    const res = await s.call("DELETE", "/api/v1/admin/models/anthropic%2Fclaude-3.5");
    expect(res.status).toBe(200);
    expect(modelDetailSchema.parse(await res.json())).toMatchObject({
      active: false,
      prices: [expect.any(Object)],
    });
    const before = await rowCounts(s.db);
    expect((await s.call("DELETE", "/api/v1/admin/models/anthropic%2Fclaude-3.5")).status).toBe(200);
    expect(await rowCounts(s.db)).toEqual(before);
    expect(await s.db.prisma.modelPrice.count({ where: { modelId: "anthropic/claude-3.5" } })).toBe(1);
    await problem(await s.call("DELETE", "/api/v1/admin/models/gpt-9"), 404, "not_found");
  });
});
