// The dashboard's form schemas: the browser validates with them before submitting (field errors
// at once) and every server action parses with them again (never trusting the browser). Money is
// typed in dollars and converted here, exactly, to micro-USD.
import { z } from "zod";

/** "12.5" → 12_500_000n micro-USD; up to 6 decimals, no float arithmetic. */
export function dollarsToMicros(text: string): bigint | null {
  const m = /^\s*\$?\s*(\d{1,9})(?:\.(\d{1,6}))?\s*$/.exec(text.replaceAll(",", ""));
  if (!m) return null;
  return BigInt(m[1]!) * 1_000_000n + BigInt((m[2] ?? "").padEnd(6, "0"));
}

const dollars = z.string().transform((v, ctx) => {
  const n = dollarsToMicros(v);
  if (n === null || n === 0n) {
    ctx.addIssue({ code: "custom", message: "Enter an amount in dollars, e.g. 25 or 12.50" });
    return z.NEVER;
  }
  return n;
});

export const creditsForm = z.object({
  direction: z.enum(["grant", "deduct"], "Choose grant or deduct"),
  amount: dollars,
  reason: z.string().trim().min(3, "Say why (at least 3 characters)").max(500, "At most 500 characters"),
});

export const planForm = z.object({ planKey: z.string().min(1, "Choose a plan").max(63) });

export const statusForm = z.object({ status: z.enum(["ACTIVE", "SUSPENDED"]) });

export const createKeyForm = z.object({
  name: z.string().trim().min(1, "Name the key").max(100, "At most 100 characters"),
  requireApproval: z.preprocess((v) => v === "on" || v === true, z.boolean()).default(false),
});

export const keyIdForm = z.object({ keyId: z.string().min(1).max(100) });

/** What every dashboard server action answers (plain data: it crosses to the browser). */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** A new API key's secret: in this one answer and nowhere else. */
  secret?: string;
};

export const IDLE: ActionState = { ok: false };

/** Field errors by field name, from a failed safeParse. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return out;
}

/** FormData as a plain object of its string fields. */
export function formObject(fd: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  fd.forEach((v, k) => {
    if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  });
  return out;
}

const optionalInt = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce
    .number()
    .int("must be a whole number")
    .min(0, "must be 0 or more")
    .max(10_000_000, "must be at most 10,000,000")
    .optional(),
);

/** Simulate-a-call: the form's fields; the same schema validates in the browser and in the server action. */
export const simulateSchema = z.object({
  keyId: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(100).optional()),
  model: z.string().trim().min(1, "Choose a model").max(200),
  inputTokens: optionalInt,
  maxOutputTokens: optionalInt,
  contextTokens: optionalInt,
  feature: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(100).optional()),
});
export type SimulateInput = z.infer<typeof simulateSchema>;

/** Schemas by name, for client components (a schema object cannot be passed as a prop). */
export const eventIdForm = z.object({
  eventId: z
    .string()
    .regex(/^evt_[A-Za-z0-9_]+$/, "Not a Stripe event id")
    .max(255),
});

/** An administrator linking a Stripe customer to a tenant, named by its slug. */
export const linkCustomerForm = z.object({
  customerId: z
    .string()
    .regex(/^cus_[A-Za-z0-9_]+$/, "Not a Stripe customer id (cus_…)")
    .max(255),
  tenantSlug: z
    .string()
    .trim()
    .min(1, { message: "Choose a tenant", abort: true })
    .max(48, "At most 48 characters")
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "A tenant slug: lowercase letters, digits and dashes"),
});

export const CONFIRM_FORMS = {
  plan: planForm,
  status: statusForm,
  keyId: keyIdForm,
  eventId: eventIdForm,
} as const;
export type ConfirmFormName = keyof typeof CONFIRM_FORMS;
