// The dashboard's form schemas (credits, plan, status, keys, simulate, Stripe events): the browser
// validates with them before submitting and every server action parses with them again
// (lib/forms/action-state.ts). Client-safe: no node or database imports.
import { z } from "zod";

import { eventIdForm } from "@/lib/billing/forms";
import { modelIdForm } from "@/lib/catalog/forms";
import { dollarsField } from "@/lib/forms/dollars";

export const creditsForm = z.object({
  direction: z.enum(["grant", "deduct"], "Choose grant or deduct"),
  amount: dollarsField,
  reason: z.string().trim().min(3, "Say why (at least 3 characters)").max(500, "At most 500 characters"),
});

/** What the grant action parses: the form plus the idempotency key the browser made for this form. */
export const grantCreditsForm = creditsForm.extend({ idempotencyKey: z.uuid() });

export const planForm = z.object({ planKey: z.string().min(1, "Choose a plan").max(63) });

export const statusForm = z.object({ status: z.enum(["ACTIVE", "SUSPENDED"]) });

export const createKeyForm = z.object({
  name: z.string().trim().min(1, "Name the key").max(100, "At most 100 characters"),
  requireApproval: z.preprocess((v) => v === "on" || v === true, z.boolean()).default(false),
});

export const keyIdForm = z.object({ keyId: z.string().min(1).max(100) });

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
export const CONFIRM_FORMS = {
  modelId: modelIdForm,
  plan: planForm,
  status: statusForm,
  keyId: keyIdForm,
  eventId: eventIdForm,
} as const;
export type ConfirmFormName = keyof typeof CONFIRM_FORMS;
