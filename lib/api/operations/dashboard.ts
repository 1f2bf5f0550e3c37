// The screens' own routes, called by the dashboard with the signed-in session: payments through
// Stripe (or the demo's simulation), the live summaries, and CSV exports. Documented so every route
// is described; their read models serve the screens and may change with them.
import { z } from "zod";

import { EXPORT_KINDS, exportFilterSchema, type ExportKind } from "@/lib/dashboard/csv-export";
import { AppError } from "@/lib/errors/app-error";
import { operation } from "@/lib/http/operation";
import { idParams } from "@/lib/validation/inputs";

const tag = "Dashboard (session)";

const wholeMicroUsd = z
  .string()
  .regex(/^[1-9]\d{0,15}$/, "must be a whole number of micro-USD")
  .transform(BigInt);

const urlAnswer = z.object({ url: z.string().meta({ description: "Where to send the browser." }) });

export const checkoutOperation = operation({
  method: "post",
  path: "/api/billing/checkout",
  operationId: "createCheckout",
  summary: "A Stripe Checkout Session (credit top-up or plan) for the signed-in tenant owner",
  tag,
  security: "session",
  body: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("top_up"), amount: wholeMicroUsd }),
    z.strictObject({ kind: z.literal("subscription"), planKey: z.string().min(1).max(100) }),
  ]),
  bodyExample: { kind: "top_up", amount: "25000000" },
  responses: { 200: { description: "The Checkout page.", schema: urlAnswer } },
  problems: ["billing_not_configured", "not_offered", "no_price"],
});

export const portalOperation = operation({
  method: "post",
  path: "/api/billing/portal",
  operationId: "createPortalSession",
  summary: "A Stripe Billing Portal session (cards, invoices, cancel) for the signed-in tenant owner",
  tag,
  security: "session",
  responses: { 200: { description: "The Portal page.", schema: urlAnswer } },
  problems: ["billing_not_configured", "not_offered"],
});

export const simulatePaymentOperation = operation({
  method: "post",
  path: "/api/billing/simulate",
  operationId: "simulatePayment",
  summary: "Demo only: a signed top-up event sent to the app's own webhook",
  tag,
  security: "session",
  body: z.strictObject({ amount: wholeMicroUsd }),
  bodyExample: { amount: "25000000" },
  responses: { 200: { description: "The simulated event.", schema: z.object({ eventId: z.string() }) } },
  // Outside the demo the route does not exist.
  problems: ["not_found", "not_offered"],
});

/** The dashboard's read model of a tenant's standing (balance, banner, recent refusals). */
const summarySchema = z.looseObject({}).meta({ id: "DashboardSummary" });

export const tenantSummaryOperation = operation({
  method: "get",
  path: "/api/dashboard/summary",
  operationId: "getDashboardSummary",
  summary: "The signed-in tenant's balance, banner and recent refusals (the screens' live refresh)",
  tag,
  security: "session",
  responses: { 200: { description: "The summary.", schema: summarySchema } },
  problems: ["not_found"],
});

export const adminTenantSummaryOperation = operation({
  method: "get",
  path: "/api/dashboard/tenants/{id}/summary",
  operationId: "getDashboardTenantSummary",
  summary: "An administrator's live view of one tenant's standing",
  tag,
  security: "session",
  params: idParams,
  responses: { 200: { description: "The summary.", schema: summarySchema } },
  problems: ["not_found"],
});

export const exportOperation = operation({
  method: "get",
  path: "/api/dashboard/export/{kind}",
  operationId: "exportCsv",
  summary: "A streamed CSV of usage, ledger or decisions for a filter",
  description:
    "An admin may export any tenant or all; a tenant user only their own (another tenant's id is a 404). " +
    "`from`/`to` are days in the tenant's own zone, as its charts show them (UTC across all tenants).",
  tag,
  security: "session",
  // An unknown kind names no export: 404, where another malformed parameter would be a 422.
  params: z.object({
    kind: z
      .string()
      .transform((k): ExportKind => {
        const kind = EXPORT_KINDS.find((e) => e === k);
        if (!kind) throw new AppError("not_found");
        return kind;
      })
      .meta({ override: { type: "string", enum: [...EXPORT_KINDS] } }),
  }),
  query: exportFilterSchema,
  responses: { 200: { description: "The CSV.", contentType: "text/csv", schema: z.string() } },
  problems: ["not_found"],
});

/** In the order the reference lists them. */
export const dashboardOperations = [
  checkoutOperation,
  portalOperation,
  simulatePaymentOperation,
  tenantSummaryOperation,
  adminTenantSummaryOperation,
  exportOperation,
];
