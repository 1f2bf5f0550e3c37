// The action wrapper's own rules, with the session mocked (app/server-actions-tenancy.test.ts runs
// every real action against PostgreSQL): the order refusal → bound id → form → body, the
// owner-only answer, AppError as a message (with its field errors), and revalidation only once a
// body has answered.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import { invalidField } from "@/lib/validation/inputs";
import type { AdminUser, TenantUser } from "@/lib/web/area-access";

const state = vi.hoisted(() => ({ user: null as unknown, revalidated: [] as string[] }));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: (p: string) => state.revalidated.push(p) }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }),
}));
vi.mock("@/lib/web/session", () => ({
  requireUser: async ({ area }: { area: string }) => {
    const u = state.user as AdminUser | TenantUser;
    if ((area === "admin") !== (u.role === "ADMIN")) throw new Error("forbidden");
    return u;
  },
}));

const { action } = await import("@/lib/web/action");

const admin: AdminUser = { id: "a", email: "a@x.test", name: "A", role: "ADMIN", tenantId: null };
const owner: TenantUser = { id: "o", email: "o@x.test", name: "O", role: "TENANT_OWNER", tenantId: "t1" };
const member: TenantUser = { ...owner, id: "m", role: "TENANT_MEMBER" };
const nameForm = z.object({ name: z.string().min(1, "Name it") });
const fd = (name: string) => {
  const f = new FormData();
  f.set("name", name);
  return f;
};
const IDLE = { ok: false };

beforeEach(() => {
  state.revalidated = [];
});

describe("action", () => {
  const seen: unknown[] = [];
  const tenantAction = action(
    { area: "tenant", ownerOnly: "Owners only.", input: nameForm, revalidate: "/app/x" },
    async (ctx) => {
      seen.push(ctx);
      if (ctx.input.name === "boom") throw new AppError("conflict", "Already there");
      if (ctx.input.name === "taken") throw invalidField("name", "is taken");
      if (ctx.input.name === "gone") throw invalidField("name", "That name is gone.", "That name is gone.");
      return { ok: true, message: `Hi ${ctx.input.name}` };
    },
  );
  const adminTenantAction = action(
    {
      area: "admin",
      bound: "tenantId",
      input: nameForm,
      invalid: () => ({ ok: false, message: "Nothing chosen" }),
      revalidate: ({ tenantId }) => `/admin/tenants/${tenantId}`,
    },
    async ({ tenantId, input }) => ({ ok: true, message: `${tenantId}:${input.name}` }),
  );

  it.each([
    [
      "an owner: the body runs with the session's tenant",
      owner,
      "ann",
      { ok: true, message: "Hi ann" },
      ["/app/x"],
    ],
    [
      "a member: the owner-only answer, nothing run",
      member,
      "ann",
      { ok: false, message: "Owners only." },
      [],
    ],
    ["an invalid form: its field errors", owner, "", { ok: false, fieldErrors: { name: ["Name it"] } }, []],
    ["an AppError: its detail as the message", owner, "boom", { ok: false, message: "Already there" }, []],
    [
      "an AppError naming a field: its detail, and the field's error",
      owner,
      "taken",
      { ok: false, message: "name: is taken", fieldErrors: { name: ["is taken"] } },
      [],
    ],
    [
      "an AppError naming a field with a sentence for its detail: that sentence on both",
      owner,
      "gone",
      { ok: false, message: "That name is gone.", fieldErrors: { name: ["That name is gone."] } },
      [],
    ],
  ] as const)("tenant area, %s", async (_n, user, name, answer, revalidated) => {
    state.user = user;
    seen.length = 0;
    expect(await tenantAction(IDLE, fd(name))).toEqual(answer);
    expect(state.revalidated).toEqual(revalidated);
    if (answer.ok)
      expect(seen).toEqual([
        { user: owner, tenantId: "t1", actor: { kind: "USER", id: "o", ip: "203.0.113.7" }, input: { name } },
      ]);
  });

  it("a tenant user calling an admin action is refused by requireUser before anything", async () => {
    state.user = owner;
    await expect(adminTenantAction("t2", IDLE, fd("x"))).rejects.toThrow("forbidden");
    expect(state.revalidated).toEqual([]);
  });

  it.each([
    [
      "the bound tenant id reaches the body and the revalidated path",
      "t2",
      "x",
      { ok: true, message: "t2:x" },
      ["/admin/tenants/t2"],
    ],
    ["an unreadable bound id is no tenant", "", "x", { ok: false, message: "No such tenant." }, []],
    ["the definition's answer to an invalid form", "t2", "", { ok: false, message: "Nothing chosen" }, []],
  ] as const)("admin area, %s", async (_n, tenantId, name, answer, revalidated) => {
    state.user = admin;
    expect(await adminTenantAction(tenantId, IDLE, fd(name))).toEqual(answer);
    expect(state.revalidated).toEqual(revalidated);
  });
});
