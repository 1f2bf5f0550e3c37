// Tenancy, table-driven: as tenant A (Acme Robotics' owner) every page, route handler and server
// action is tried with tenant B's ids (Cobalt Labs: its tenant, key, invoices, alert rules); the
// answer is a 404 or A's own data, never B's. Tenant pages and routes take the tenant from the
// session only, so a foreign id in a query string or body is ignored (A's own page) or rejected
// (a strict body: 422) — that is the accepted answer where the spec says 404, since nothing of B's
// is shown or changed. Signed out, every page redirects to sign-in and every route is a 401.
// The server actions' refusals (members, foreign rule/channel/delivery/key ids, tenant users
// calling admin actions) are checked against the database in app/server-actions-tenancy.test.ts.
import { keyIdOf, tenantIdOf } from "@/lib/demo/ids";

import { accounts } from "./fixtures/accounts";
import { expect, test } from "./fixtures/test";

const B = {
  slug: "zero-credits",
  name: "Cobalt Labs",
  tenantId: tenantIdOf("zero-credits"),
  keyId: keyIdOf("zero-credits"),
  invoiceId: "invrow_zero-credits_1",
  invoiceNumber: "ZERO-000",
  ruleId: `rule_${tenantIdOf("zero-credits")}_0`,
};

const PAGES_WITH_B_IDS = [
  `/app?tenantId=${B.tenantId}`,
  `/app/usage?tenantId=${B.tenantId}`,
  `/app/keys?tenantId=${B.tenantId}`,
  `/app/decisions?tenantId=${B.tenantId}`,
  `/app/decisions?keyId=${B.keyId}`,
  `/app/billing?tenantId=${B.tenantId}&invoiceId=${B.invoiceId}`,
  `/app/alerts?tenantId=${B.tenantId}&ruleId=${B.ruleId}`,
];
const ADMIN_PAGES_WITH_B_IDS = [
  `/admin/tenants/${B.tenantId}`,
  `/admin/decisions?tenantId=${B.tenantId}`,
  "/admin/tenants",
  "/admin/audit",
  "/admin/alerts",
  `/admin/tenants/${B.tenantId}/alerts`,
  "/admin/stripe-events",
];
const ROUTES_WITH_B_IDS = [
  { path: `/api/dashboard/export/usage?tenantId=${B.tenantId}`, status: 404 },
  { path: `/api/dashboard/export/ledger?tenantId=${B.tenantId}`, status: 404 },
  { path: `/api/dashboard/export/decisions?tenantId=${B.tenantId}`, status: 404 },
  { path: `/api/dashboard/tenants/${B.tenantId}/summary`, status: 403 }, // an administrator's live view only
];
// No page or route takes an invoice id: invoices are only listed on /app/billing (above, with B's
// invoice id in the query: A's invoices only). The billing routes act on the session's tenant only: B's tenant id in the query or body never
// reaches B. The demo has no STRIPE_SECRET_KEY, so checkout and portal answer 503 before any work;
// simulate's body is strict, so a smuggled tenantId is a 422 before any payment is simulated.
const POSTS_WITH_B_IDS = [
  {
    path: `/api/billing/checkout?tenantId=${B.tenantId}`,
    body: { kind: "top_up", amount: "10000000", tenantId: B.tenantId },
    status: 503,
  },
  { path: `/api/billing/portal?tenantId=${B.tenantId}`, body: { tenantId: B.tenantId }, status: 503 },
  {
    path: `/api/billing/simulate?tenantId=${B.tenantId}`,
    body: { amount: "10000000", tenantId: B.tenantId },
    status: 422,
  },
];

test.describe("as tenant A with tenant B's ids", () => {
  test.use({ storageState: accounts.owner.state });

  for (const path of PAGES_WITH_B_IDS) {
    test(`page ${path} shows only A's data`, async ({ page }) => {
      const res = await page.goto(path);
      expect(res?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByText(B.name)).toHaveCount(0);
      await expect(page.locator(`text=${B.keyId}`)).toHaveCount(0);
      await expect(page.getByText(B.invoiceNumber)).toHaveCount(0);
      if (path.startsWith("/app/billing"))
        await expect(page.getByText("HEAL-0001").filter({ visible: true })).toBeVisible(); // A's own invoices
      const rows = page.getByTestId("decision-table").filter({ visible: true }).getByRole("row");
      if (path.includes("keyId")) await expect(rows).toHaveCount(0); // B's key filter matches none of A's decisions
    });
  }

  test.describe("admin pages", () => {
    test.use({ expectedConsoleErrors: [/status of 403/] });
    for (const path of ADMIN_PAGES_WITH_B_IDS) {
      test(`page ${path} is forbidden`, async ({ page }) => {
        const res = await page.goto(path);
        expect(res?.status()).toBe(403);
        await expect(page.getByText(B.name)).toHaveCount(0);
      });
    }
  });

  for (const r of ROUTES_WITH_B_IDS) {
    test(`route ${r.path} answers ${r.status}`, async ({ page }) => {
      const res = await page.request.get(r.path);
      expect(res.status()).toBe(r.status);
      expect(await res.text()).not.toContain(B.tenantId);
    });
  }

  for (const r of POSTS_WITH_B_IDS) {
    test(`route POST ${r.path} never acts on B (${r.status})`, async ({ page }) => {
      const res = await page.request.post(r.path, { data: r.body });
      expect(res.status()).toBe(r.status);
      expect(await res.text()).not.toContain(B.tenantId);
    });
  }

  test("own exports and the live summary hold only A's rows", async ({ page }) => {
    for (const kind of ["usage", "ledger", "decisions"]) {
      const res = await page.request.get(`/api/dashboard/export/${kind}`);
      expect(res.status()).toBe(200);
      const body = await res.text();
      expect(body).toContain(tenantIdOf("healthy"));
      expect(body).not.toContain(B.tenantId);
    }
    const summary = await page.request.get(`/api/dashboard/summary?tenantId=${B.tenantId}`);
    expect(summary.status()).toBe(200);
    expect(((await summary.json()) as { tenant: { id: string } }).tenant.id).toBe(tenantIdOf("healthy"));
  });

  test("server action: revoking B's key through a forged hidden field changes nothing", async ({ page }) => {
    await page.goto("/app/keys");
    const row = page
      .getByTestId("keys-table")
      .filter({ visible: true })
      .getByRole("row")
      .filter({ hasText: "Active" })
      .first();
    // The open dialog hides the page from role queries: hold the hidden field itself.
    const keyField = (await row.locator('input[name="keyId"]').elementHandle())!;
    await row.getByRole("button", { name: "Revoke" }).click();
    // Forge the form once the confirmation is open: point the hidden keyId at tenant B's key.
    await keyField.evaluate((el, id) => {
      (el as HTMLInputElement).value = id;
    }, B.keyId);
    expect(await keyField.evaluate((el) => (el as HTMLInputElement).value)).toBe(B.keyId);
    await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByText("No such key")).toBeVisible();
    await expect(row).toContainText("Active"); // A's own key untouched too
  });
});

test.describe("as tenant B's admin view afterwards", () => {
  test.use({ storageState: accounts.admin.state });

  // The page streams behind the area's loading skeleton, so the status line is already sent when
  // notFound() runs: the answer is the 404 page (with noindex), not a 404 status.
  test("an unknown tenant id shows the 404 page", async ({ page }) => {
    await page.goto("/admin/tenants/tnt_does_not_exist");
    await expect(page.getByRole("heading", { name: "404 — Not found" })).toBeVisible();
    await expect(page.getByTestId("health-banner").filter({ visible: true })).toHaveCount(0);
  });

  test("B's key is still active", async ({ page }) => {
    await page.goto(`/admin/tenants/${B.tenantId}`);
    await expect(
      page
        .getByTestId("keys-table")
        .filter({ visible: true })
        .getByRole("row")
        .filter({ hasText: "Production" }),
    ).toContainText("Active");
  });
});

test.describe("as tenant A's member", () => {
  test.use({ storageState: accounts.member.state });

  // The owner-only routes refuse a member's session outright, whatever the body says.
  for (const r of POSTS_WITH_B_IDS) {
    test(`route POST ${r.path} answers 403`, async ({ page }) => {
      const res = await page.request.post(r.path, { data: r.body });
      expect(res.status()).toBe(403);
      expect(await res.text()).not.toContain(B.tenantId);
    });
  }
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  for (const path of [...PAGES_WITH_B_IDS, ...ADMIN_PAGES_WITH_B_IDS]) {
    test(`page ${path} redirects to sign-in`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    });
  }

  for (const path of ["/api/dashboard/summary", ...ROUTES_WITH_B_IDS.map((r) => r.path)]) {
    test(`route ${path} answers 401`, async ({ request }) => {
      const res = await request.get(path);
      expect(res.status()).toBe(401);
      expect(res.headers()["content-type"]).toContain("application/problem+json");
    });
  }

  for (const r of POSTS_WITH_B_IDS) {
    test(`route POST ${r.path} answers 401`, async ({ request }) => {
      const res = await request.post(r.path, { data: r.body });
      expect(res.status()).toBe(401);
      expect(res.headers()["content-type"]).toContain("application/problem+json");
    });
  }
});
