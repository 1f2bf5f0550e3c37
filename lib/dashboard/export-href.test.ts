import { describe, expect, it } from "vitest";

import { exportHref, type PageFilters } from "@/lib/dashboard/export-href";

describe("exportHref", () => {
  const all: PageFilters = {
    tenantId: "tnt_a",
    days: 7,
    today: "2026-03-01",
    keyId: "key_a",
    outcome: "refused",
    code: "quota_exceeded",
  };
  it.each([
    { kind: "usage", f: {}, href: "/api/dashboard/export/usage" },
    { kind: "decisions", f: { outcome: "all" }, href: "/api/dashboard/export/decisions" },
    // 7 days up to 1 March: back across the end of February.
    {
      kind: "usage",
      f: all,
      href: "/api/dashboard/export/usage?tenantId=tnt_a&from=2026-02-23&to=2026-03-01&keyId=key_a",
    },
    {
      kind: "ledger",
      f: all,
      href: "/api/dashboard/export/ledger?tenantId=tnt_a&from=2026-02-23&to=2026-03-01",
    },
    {
      kind: "decisions",
      f: all,
      href: "/api/dashboard/export/decisions?tenantId=tnt_a&from=2026-02-23&to=2026-03-01&keyId=key_a&outcome=refused&code=quota_exceeded",
    },
    {
      kind: "decisions",
      f: { days: 1, today: "2026-03-08" },
      href: "/api/dashboard/export/decisions?from=2026-03-08&to=2026-03-08",
    },
    { kind: "usage", f: { days: 30 }, href: "/api/dashboard/export/usage" }, // no "today": no range rather than a wrong one
  ] as const)("$kind with $f", ({ kind, f, href }) => {
    expect(exportHref(kind, f)).toBe(href);
  });
});
