// Ordering snapshots of one object from one second, case by case.
import { describe, expect, it } from "vitest";

import { chronological, follows, latestSnapshot, type Snapshot } from "@/lib/billing/mirror/same-second";

const cus = (id: string, type: string, pm: string | null, was?: { pm: string | null }): Snapshot => ({
  id,
  type,
  object: { id: "cus_1", object: "customer", invoice_settings: { default_payment_method: pm } },
  previousAttributes: was ? { invoice_settings: { default_payment_method: was.pm } } : null,
});
const sub = (id: string, status: string, previous?: Record<string, unknown>, type = "updated"): Snapshot => ({
  id,
  type: `customer.subscription.${type}`,
  object: { id: "sub_1", object: "subscription", status, cancel_at_period_end: false },
  previousAttributes: previous ?? null,
  terminal: status === "canceled",
});

// The Checkout set-up sequence: created without a default, then updated with one.
const created = cus("evt_z", "customer.created", null);
const updated = cus("evt_a", "customer.updated", "pm_1", { pm: null });
// A card replacement: the default moved pm_1 → pm_2.
const replaced = cus("evt_m", "customer.updated", "pm_2", { pm: "pm_1" });
const trialing = sub("evt_t", "trialing", undefined, "created");
const active = sub("evt_q", "active", { status: "trialing" });
const pastDue = sub("evt_b", "past_due", { status: "active" });
const canceled = sub("evt_0", "canceled", { status: "past_due" }, "deleted");

describe("follows", () => {
  it.each<[string, Snapshot, Snapshot, boolean]>([
    ["an update follows the object's created", updated, created, true],
    ["a created never follows an update", created, updated, false],
    ["an update whose previous value is the other's value", replaced, updated, true],
    ["…but not the other way round", updated, replaced, false],
    ["an update whose previous value is not the other's value", replaced, created, true /* created rule */],
    ["previous_attributes chains subscription statuses", pastDue, active, true],
    ["a status that was not the other's", pastDue, trialing, true /* created rule */],
    ["two updates that do not chain", sub("evt_x", "active", { status: "incomplete" }), pastDue, false],
    ["a deleted follows an update", canceled, pastDue, true],
    ["an update never follows a deleted", pastDue, canceled, false],
    ["a terminal update follows a non-terminal one", sub("evt_c", "canceled", { status: "x" }), active, true],
    ["a snapshot does not follow itself", active, active, false],
    [
      "an empty previous_attributes proves nothing",
      sub("evt_e", "active", { metadata: {} }),
      sub("evt_f", "active", { status: "trialing" }),
      false,
    ],
    [
      "null and an absent field are equal",
      sub("evt_g", "active", { trial_end: null }),
      sub("evt_h", "trialing", { status: "incomplete" }),
      true,
    ],
    [
      "a card's attach comes before its detach",
      { id: "evt_d", type: "payment_method.detached", object: { id: "pm_1", customer: null } },
      { id: "evt_a", type: "payment_method.attached", object: { id: "pm_1", customer: "cus_1" } },
      true,
    ],
  ])("%s", (_name, b, a, expected) => {
    expect(follows(b, a)).toBe(expected);
  });
});

describe("latestSnapshot", () => {
  it.each<[string, Snapshot[], Snapshot | null]>([
    ["one snapshot", [created], created],
    ["created + updated, ids against time", [created, updated], updated],
    ["created + updated in either order", [updated, created], updated],
    ["a chain of three updates", [replaced, created, updated], replaced],
    ["a chain of statuses, any order", [pastDue, trialing, active], pastDue],
    ["a deletion ends the second", [canceled, pastDue, active, trialing], canceled],
    [
      "two updates nothing orders",
      [sub("evt_x", "active", { status: "incomplete" }), sub("evt_y", "past_due", { status: "unpaid" })],
      null,
    ],
    [
      "two updates that each claim to follow the other",
      [sub("evt_x", "active", { status: "past_due" }), { ...sub("evt_y", "past_due", { status: "active" }) }],
      null,
    ],
    [
      "two unordered but equal snapshots: the smaller id (their order changes nothing)",
      [sub("evt_y", "active", { metadata: {} }), sub("evt_x", "active", { metadata: {} })],
      sub("evt_x", "active", { metadata: {} }),
    ],
    ["a repeated delivery counts once", [updated, updated, created], updated],
  ])("%s", (_name, snapshots, expected) => {
    expect(latestSnapshot(snapshots)).toEqual(expected);
  });

  // Paused and resumed in one second: each update replaced the other's status (a cycle).
  const paused = sub("evt_p", "paused", { status: "active" });
  const resumed = sub("evt_r", "active", { status: "paused" });
  it.each<[string, Record<string, unknown> | null, Snapshot | null]>([
    ["a flip-flop alone is unordered", null, null],
    ["the state before the second orders it: active before → resumed last", { status: "active" }, resumed],
    ["paused before (resumed first, paused again)", { status: "paused" }, paused],
    ["a state before that neither replaced leaves it unordered", { status: "trialing" }, null],
  ])("%s", (_name, before, expected) => {
    expect(latestSnapshot([paused, resumed], before)).toEqual(expected);
    expect(latestSnapshot([resumed, paused], before)).toEqual(expected);
  });
});

describe("chronological", () => {
  it("orders a chained second oldest first whatever the input order", () => {
    for (const input of [
      [pastDue, active, trialing, canceled],
      [canceled, trialing, pastDue, active],
    ])
      expect(chronological(input)).toEqual({
        order: [trialing, active, pastDue, canceled],
        ambiguous: false,
      });
  });

  it("flags an unordered second and still answers the same order for any input order", () => {
    const x = sub("evt_x", "active", { status: "incomplete" });
    const y = sub("evt_y", "past_due", { status: "unpaid" });
    expect(chronological([x, y])).toEqual({ order: [y, x], ambiguous: true });
    expect(chronological([y, x])).toEqual({ order: [y, x], ambiguous: true });
  });
});
