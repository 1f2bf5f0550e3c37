// The demo tenants, each showing one state the product must handle, and their sign-ins and keys.
// Everything here is DEMO-ONLY: fixed passwords and API keys documented in the README.
import type { SubscriptionStatus } from "@/lib/decisions/types";
import type { DemoPlanKey } from "@/lib/demo/catalog";

export const DEMO_PASSWORD = "tollgate-demo";
export const DEMO_ADMIN_EMAIL = "admin@tollgate.demo";

export type DemoTenant = {
  slug: string;
  name: string;
  plan: DemoPlanKey;
  timeZone: string;
  /** What a visitor should see on this tenant. */
  story: string;
  /** Final available balance, in days of credit at the last 7 days' burn rate. */
  balanceDays: number;
  /** A fixed final balance in USD instead (for a tenant with no usage to measure a burn rate by). */
  balanceUsd?: number;
  /** Average calls a day (weekdays; weekends are quieter). */
  callsPerDay: number;
  /** Signed up this many days ago (default 95; usage covers at most the last 90 days). */
  signedUpDaysAgo?: number;
  subscription?: {
    status: SubscriptionStatus;
    pastDueDays?: number;
    canceledDaysAgo?: number;
    manual?: boolean;
  };
  /** "removed": the only card was detached `cardRemovedDaysAgo` days ago. */
  card?: "valid" | "expiring" | "expired" | "removed";
  cardRemovedDaysAgo?: number;
  /** Tokens used this quota month, as a share of the plan's quota (extra usage is added to reach it). */
  quotaShare?: number;
  suspendedDaysAgo?: number;
  /** Set at the tenant's local midnight today; today's usage stops just short of it. */
  dailySpendCapUsd?: number;
  extraKey?: "pending" | "revoked";
  flagReason?: string;
};

export const DEMO_TENANTS: DemoTenant[] = [
  {
    slug: "healthy",
    name: "Acme Robotics",
    plan: "pro",
    timeZone: "UTC",
    story: "Healthy: calls go through (rate_limited in a burst)",
    balanceDays: 45,
    callsPerDay: 40,
    subscription: { status: "active" },
    card: "valid",
  },
  {
    slug: "low-balance",
    name: "Bluebird Analytics",
    plan: "starter",
    timeZone: "America/New_York",
    story:
      "Low balance: 1.5 days of credit left, below 10% of the last top-up (feature_not_in_plan for vision)",
    balanceDays: 1.5,
    callsPerDay: 30,
    subscription: { status: "active" },
    card: "valid",
  },
  {
    slug: "zero-credits",
    name: "Cobalt Labs",
    plan: "starter",
    timeZone: "Europe/Berlin",
    story: "Zero credits: refused with credits_exhausted",
    balanceDays: 0,
    callsPerDay: 25,
    subscription: { status: "active" },
    card: "valid",
  },
  {
    slug: "quota-nearly",
    name: "Delta Docs",
    plan: "starter",
    timeZone: "Asia/Kolkata",
    story: "Quota nearly used: 92% of the month",
    balanceDays: 30,
    callsPerDay: 20,
    subscription: { status: "active" },
    card: "valid",
    quotaShare: 0.92,
  },
  {
    slug: "quota-used",
    name: "Echo Tutors",
    plan: "free",
    timeZone: "UTC",
    story: "Quota used up: refused with quota_exceeded",
    balanceDays: 20,
    callsPerDay: 6,
    quotaShare: 1,
  },
  {
    slug: "past-due-grace",
    name: "Foxglove Health",
    plan: "pro",
    timeZone: "America/New_York",
    story: "Past due 2 days: inside the 7-day grace, allowed with a warning",
    balanceDays: 25,
    callsPerDay: 35,
    subscription: { status: "past_due", pastDueDays: 2 },
    card: "valid",
  },
  {
    slug: "past-due-expired",
    name: "Granite Legal",
    plan: "pro",
    timeZone: "Europe/Berlin",
    story: "Past due 10 days: grace over, refused with subscription_past_due",
    balanceDays: 20,
    callsPerDay: 30,
    subscription: { status: "past_due", pastDueDays: 10 },
    card: "valid",
  },
  {
    slug: "canceled",
    name: "Harbor Freight AI",
    plan: "starter",
    timeZone: "UTC",
    story: "Subscription canceled 5 days ago: refused with subscription_canceled",
    balanceDays: 15,
    callsPerDay: 15,
    subscription: { status: "canceled", canceledDaysAgo: 5 },
    card: "valid",
  },
  {
    slug: "trialing",
    name: "Indigo Studio",
    plan: "pro",
    timeZone: "Asia/Kolkata",
    story: "Trialing: signed up 5 days ago, 14-day trial, calls go through",
    balanceDays: 14,
    callsPerDay: 12,
    signedUpDaysAgo: 5,
    subscription: { status: "trialing" },
    card: "valid",
  },
  {
    slug: "card-expiring",
    name: "Juniper Travel",
    plan: "pro",
    timeZone: "America/New_York",
    story: "Card expiring within 30 days: allowed with a warning",
    balanceDays: 40,
    callsPerDay: 30,
    subscription: { status: "active" },
    card: "expiring",
  },
  {
    slug: "card-expired",
    name: "Kestrel Security",
    plan: "pro",
    timeZone: "UTC",
    story: "Card expired at the end of last month: refused with card_expired",
    balanceDays: 30,
    callsPerDay: 25,
    subscription: { status: "active" },
    card: "expired",
  },
  {
    slug: "no-card",
    name: "Lumen Schools",
    plan: "starter",
    timeZone: "Europe/Berlin",
    story: "Card removed 2 days ago, none on file: refused with payment_method_required",
    balanceDays: 20,
    callsPerDay: 10,
    subscription: { status: "active" },
    card: "removed",
    cardRemovedDaysAgo: 2,
  },
  {
    slug: "pending-key",
    name: "Meridian Bank",
    plan: "starter",
    timeZone: "Europe/Berlin",
    story: "A new key awaiting admin approval: refused with approval_pending",
    balanceDays: 25,
    callsPerDay: 20,
    subscription: { status: "active" },
    card: "valid",
    extraKey: "pending",
  },
  {
    slug: "revoked-key",
    name: "Nimbus Weather",
    plan: "starter",
    timeZone: "UTC",
    story: "Old key revoked 3 days ago and still being called: refused with key_revoked",
    balanceDays: 18,
    callsPerDay: 20,
    subscription: { status: "active" },
    card: "valid",
    extraKey: "revoked",
  },
  {
    slug: "incomplete",
    name: "Orchid Retail",
    plan: "pro",
    timeZone: "America/New_York",
    story:
      "Signed up 6 hours ago, first payment incomplete: no usage yet, refused with subscription_inactive",
    balanceDays: 0,
    balanceUsd: 5,
    callsPerDay: 4,
    signedUpDaysAgo: 0.25,
    subscription: { status: "incomplete" },
    card: "valid",
  },
  {
    slug: "suspended",
    name: "Pioneer Games",
    plan: "starter",
    timeZone: "UTC",
    story: "Suspended by an admin 4 days ago: refused with tenant_suspended",
    balanceDays: 10,
    callsPerDay: 10,
    subscription: { status: "active" },
    card: "valid",
    suspendedDaysAgo: 4,
  },
  {
    slug: "budget-capped",
    name: "Quasar Media",
    plan: "pro",
    timeZone: "UTC",
    story: "Daily spending cap of $1 all but spent today: refused with budget_exceeded",
    balanceDays: 35,
    callsPerDay: 45,
    subscription: { status: "active" },
    card: "valid",
    dailySpendCapUsd: 1,
  },
  {
    slug: "enterprise",
    name: "Redwood Insurance",
    plan: "enterprise",
    timeZone: "America/New_York",
    story: "Enterprise, invoiced outside Stripe, soft quota",
    balanceDays: 120,
    callsPerDay: 60,
    subscription: { status: "active", manual: true },
  },
  {
    slug: "free-kolkata",
    name: "Saffron Apps",
    plan: "free",
    timeZone: "Asia/Kolkata",
    story: "Free plan (two models, 8k context): refused with model_not_allowed and context_too_long",
    balanceDays: 9,
    callsPerDay: 5,
  },
  {
    slug: "northwind",
    name: "Northwind Traders",
    plan: "pro",
    timeZone: "Europe/Berlin",
    story: "Healthy",
    balanceDays: 60,
    callsPerDay: 50,
    subscription: { status: "active" },
    card: "valid",
  },
  {
    slug: "globex",
    name: "Globex",
    plan: "enterprise",
    timeZone: "UTC",
    story: "Healthy enterprise",
    balanceDays: 150,
    callsPerDay: 70,
    subscription: { status: "active", manual: true },
  },
  {
    slug: "initech",
    name: "Initech",
    plan: "starter",
    timeZone: "America/New_York",
    story: "Healthy",
    balanceDays: 22,
    callsPerDay: 20,
    subscription: { status: "active" },
    card: "valid",
  },
  {
    slug: "hooli",
    name: "Hooli XYZ",
    plan: "pro",
    timeZone: "Asia/Kolkata",
    story: "Healthy",
    balanceDays: 33,
    callsPerDay: 40,
    subscription: { status: "active" },
    card: "valid",
  },
  {
    slug: "umbrella",
    name: "Umbrella Research",
    plan: "starter",
    timeZone: "UTC",
    story: "Flagged for review after a card dispute; calls still go through",
    balanceDays: 16,
    callsPerDay: 15,
    subscription: { status: "active" },
    card: "valid",
    flagReason: "Stripe dispute opened on a credit top-up (demo)",
  },
  {
    slug: "tiny",
    name: "Tiny Tools",
    plan: "free",
    timeZone: "Europe/Berlin",
    story: "Free plan, light use",
    balanceDays: 6,
    callsPerDay: 3,
  },
];

/** The tenant that also has a TENANT_MEMBER sign-in. */
export const DEMO_MEMBER_TENANT = "healthy";

/** Fixed demo API key secrets (active unless the name says otherwise). */
export function demoKeySecret(slug: string, kind: "active" | "pending" | "revoked" = "active"): string {
  const tag = kind === "active" ? slug : `${slug}_${kind}`;
  return `tg_demo_${tag.replace(/-/g, "_")}_${"0".repeat(16)}`;
}

export const demoOwnerEmail = (slug: string) => `owner@${slug}.demo`;
export const demoMemberEmail = (slug: string) => `member@${slug}.demo`;
