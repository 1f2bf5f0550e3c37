// The one server-action wrapper (dub's authActionClient, small). An action is a definition and a
// body; the wrapper does, in this order: resolve the session for the area (signed out → sign-in,
// wrong area → 403, as requireUser does; a member calling an owner-only action gets its refusal
// message), build the audit actor, parse the page-bound tenant id (admin pages) and the form, run
// the body with { input, user, actor, tenantId }, turn an AppError into { ok: false, message } (its
// `errors: [{ path, message }]` into the form's fieldErrors), and revalidate the definition's paths
// once the body has answered. The page's own guard does not
// cover an action called directly: this wrapper is what does.
import "server-only";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";

import type { AuditActor } from "@/lib/audit/record";
import { AppError } from "@/lib/errors/app-error";
import type { FieldError } from "@/lib/errors/problem";
import { parseForm, type ActionState, type FieldErrors } from "@/lib/forms/action-state";
import { userActor } from "@/lib/http/actor";
import { requireUser, type AdminUser, type TenantUser } from "@/lib/web/session";

/** The tenant id an admin page binds to its actions (`action.bind(null, tenant.id)`). */
export const boundTenantId = z.string().min(1).max(100);

type Common<S extends z.ZodType, C> = {
  /** The form's schema; the browser validated with it already, the server parses again. */
  input: S;
  /** The answer to a form that does not parse; by default its field errors. */
  invalid?: (fieldErrors: FieldErrors) => ActionState;
  /** Pages to revalidate after the body answered (a refused or invalid call changed nothing). */
  revalidate?: string | ((ctx: C) => string);
};
type Ctx<U, I> = { input: I; user: U; actor: AuditActor };
type TenantCtx<I> = Ctx<TenantUser, I> & { tenantId: string };
type AdminCtx<I> = Ctx<AdminUser, I>;
type AdminTenantCtx<I> = AdminCtx<I> & { tenantId: string };

/** The session's tenant; `ownerOnly` is the answer a member gets (the page hides the form from them). */
type TenantDef<S extends z.ZodType> = Common<S, TenantCtx<z.output<S>>> & {
  area: "tenant";
  ownerOnly?: string;
};
/** Any tenant or none (an operator page): no tenant in the context. */
type AdminDef<S extends z.ZodType> = Common<S, AdminCtx<z.output<S>>> & { area: "admin"; bound?: undefined };
/** An admin page about one tenant: its id is bound as the action's first argument. */
type AdminTenantDef<S extends z.ZodType> = Common<S, AdminTenantCtx<z.output<S>>> & {
  area: "admin";
  bound: "tenantId";
};

// A refusal or an invalid form answers a plain ActionState; a body may answer more (a simulation's
// result), always as optional extras, so a form typed by the body's answer accepts both.
type FormAction<R> = (prev: ActionState, fd: FormData) => Promise<R | ActionState>;
type BoundFormAction<R> = (tenantId: string, prev: ActionState, fd: FormData) => Promise<R | ActionState>;

const NO_TENANT: ActionState = { ok: false, message: "No such tenant." };

export function action<S extends z.ZodType, R extends ActionState = ActionState>(
  def: TenantDef<S>,
  body: (ctx: TenantCtx<z.output<S>>) => Promise<R>,
): FormAction<R>;
export function action<S extends z.ZodType, R extends ActionState = ActionState>(
  def: AdminDef<S>,
  body: (ctx: AdminCtx<z.output<S>>) => Promise<R>,
): FormAction<R>;
export function action<S extends z.ZodType, R extends ActionState = ActionState>(
  def: AdminTenantDef<S>,
  body: (ctx: AdminTenantCtx<z.output<S>>) => Promise<R>,
): BoundFormAction<R>;
export function action<S extends z.ZodType, R extends ActionState>(
  def: TenantDef<S> | AdminDef<S> | AdminTenantDef<S>,
  body: (ctx: never) => Promise<R>,
): FormAction<R> | BoundFormAction<R> {
  type AnyCtx = { user: AdminUser | TenantUser; actor: AuditActor; tenantId?: string; input?: unknown };
  const run = async (bound: unknown, fd: FormData): Promise<R | ActionState> => {
    const who = await resolve(def, bound);
    if ("ok" in who) return who;
    const ctx: AnyCtx = { ...who, actor: userActor(who.user.id, await headers()) };
    const parsed = parseForm(def.input, fd);
    if (!parsed.success)
      return def.invalid?.(parsed.fieldErrors) ?? { ok: false, fieldErrors: parsed.fieldErrors };
    ctx.input = parsed.data;
    let answer: R;
    try {
      answer = await (body as (c: AnyCtx) => Promise<R>)(ctx);
    } catch (e) {
      // Expected failures the domain throws (unknown tenant, a deduction past zero) are a message;
      // a field it names (invalidField) is that field's error too, as in a form that does not parse.
      if (e instanceof AppError) return failure(e);
      throw e;
    }
    const path = typeof def.revalidate === "function" ? def.revalidate(ctx as never) : def.revalidate;
    if (path) revalidatePath(path);
    return answer;
  };
  return def.area === "admin" && def.bound
    ? async (tenantId: string, _prev: ActionState, fd: FormData) => run(tenantId, fd)
    : async (_prev: ActionState, fd: FormData) => run(undefined, fd);
}

/** The session's user and tenant for the area, or the answer that refuses the call. */
async function resolve(
  def: { area: "tenant"; ownerOnly?: string } | { area: "admin"; bound?: "tenantId" },
  bound: unknown,
): Promise<{ user: AdminUser | TenantUser; tenantId?: string } | ActionState> {
  if (def.area === "tenant") {
    const user = await requireUser({ area: "tenant" });
    if (def.ownerOnly !== undefined && user.role !== "TENANT_OWNER")
      return { ok: false, message: def.ownerOnly };
    return { user, tenantId: user.tenantId };
  }
  const user = await requireUser({ area: "admin" });
  if (!def.bound) return { user };
  const tenantId = boundTenantId.safeParse(bound);
  return tenantId.success ? { user, tenantId: tenantId.data } : NO_TENANT;
}

/** An AppError as the form shows it: its detail, and its `errors` (if any) by field. */
function failure(e: AppError): ActionState {
  const message = e.detail ?? e.message;
  const errors = Array.isArray(e.extensions.errors) ? e.extensions.errors.filter(isFieldError) : [];
  if (errors.length === 0) return { ok: false, message };
  const fieldErrors: FieldErrors = {};
  for (const { path, message } of errors) (fieldErrors[path] ??= []).push(message);
  return { ok: false, message, fieldErrors };
}

const isFieldError = (x: unknown): x is FieldError =>
  typeof x === "object" &&
  x !== null &&
  typeof (x as FieldError).path === "string" &&
  typeof (x as FieldError).message === "string";
