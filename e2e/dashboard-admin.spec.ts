import { stripeWebhooks } from "@/lib/billing/stripe-client";
import { DEMO_WEBHOOK_SECRET } from "@/lib/billing/webhook-secrets";
import { tenantIdOf } from "@/lib/demo/ids";
import { card, customer, event } from "@/test/stripe/events";

import { accounts } from "./fixtures/accounts";
import { expect, expectLiveAfterUsage, screenshotBothWidths, test } from "./fixtures/test";

test.describe("admin dashboard", () => {
  test.use({ storageState: accounts.admin.state });

  test("finds a past-due tenant from the overview and sees why its calls are refused", async ({
    page,
  }, testInfo) => {
    await page.goto("/admin");
    const attention = page.getByTestId("needs-attention").filter({ visible: true });
    await expect(attention).toContainText("subscription_past_due");
    await expect(page.getByTestId("refusals-by-code").filter({ visible: true })).toBeVisible();
    await page.waitForLoadState("networkidle"); // hydrated before the screenshot styles inputs
    await screenshotBothWidths(page, "dashboard-admin-overview", (n) => testInfo.outputPath(n));
    await attention.getByRole("link", { name: "Granite Legal" }).click();
    await expect(page.getByRole("heading", { name: "Granite Legal", level: 1 })).toBeVisible();
    const banner = page.getByTestId("health-banner").filter({ visible: true });
    await expect(banner).toHaveAttribute("data-level", "refusing");
    await expect(banner).toContainText("Subscription past due");
    await expect(banner).toContainText("grace period has ended");
    await expect(page.getByText(/Remedy shown to the tenant: pay_invoice/)).toBeVisible();
    await page.waitForLoadState("networkidle"); // hydrated before the screenshot styles inputs
    await screenshotBothWidths(page, "dashboard-admin-tenant", (n) => testInfo.outputPath(n));
  });

  test("a tenant's balance on its page follows usage reported through the API, without a reload", async ({
    page,
  }) => {
    await page.goto(`/admin/tenants/${tenantIdOf("healthy")}`);
    await expectLiveAfterUsage(page, page.getByTestId("tenant-balance").filter({ visible: true }), "healthy");
  });

  test("grants credits to a zero-balance tenant and watches the banner and the simulated answer change", async ({
    page,
  }) => {
    await page.goto("/admin/tenants?q=cobalt");
    await page
      .getByTestId("tenants-table")
      .filter({ visible: true })
      .getByRole("link", { name: "Cobalt Labs" })
      .click();
    const banner = page.getByTestId("health-banner").filter({ visible: true });
    await expect(banner).toHaveAttribute("data-level", "refusing");
    await expect(banner).toContainText("Credits exhausted");

    await page.getByRole("button", { name: "Simulate call" }).click();
    const result = page.getByTestId("simulate-result").filter({ visible: true });
    await expect(result).toContainText("HTTP 402 · credits_exhausted");
    await expect(result).toContainText("top_up");

    // Field errors come from the shared zod schema before anything is sent.
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByText("Enter an amount in dollars")).toBeVisible();
    await page.getByLabel("Amount (USD)").fill("25");
    await page.getByLabel("Reason").fill("Goodwill credit (e2e)");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("alertdialog")).toContainText("Grant $25.00 to Cobalt Labs?");
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByText("Credits granted")).toBeVisible();
    await expect(page.getByTestId("tenant-balance").filter({ visible: true })).toContainText("$25.00");
    await expect(banner).not.toHaveAttribute("data-level", "refusing");
    await expect(page.getByTestId("ledger-table").filter({ visible: true })).toContainText(
      "Goodwill credit (e2e)",
    );
    await expect(page.getByTestId("audit-table").filter({ visible: true })).toContainText("credits.grant");

    await page.getByRole("button", { name: "Simulate call" }).click();
    await expect(result).toContainText("HTTP 200 · allowed");
  });

  test("approves a pending key, creates a key whose secret shows once, and revokes it", async ({ page }) => {
    await page.goto("/admin/tenants?q=meridian");
    await page
      .getByTestId("tenants-table")
      .filter({ visible: true })
      .getByRole("link", { name: "Meridian Bank" })
      .click();
    const keys = page.getByTestId("keys-table").filter({ visible: true });
    const pending = keys.getByRole("row").filter({ hasText: "Awaiting approval" }).first();
    await pending.getByRole("button", { name: "Approve" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Approve" }).click();
    await expect(page.getByText("Key approved")).toBeVisible();
    await expect(keys.getByText("Awaiting approval")).toHaveCount(0);

    await page.getByRole("button", { name: "Create key" }).first().click();
    await page.getByRole("dialog").getByRole("button", { name: "Create key" }).click();
    await expect(page.getByRole("dialog")).toContainText("Name the key");
    await page.getByLabel("Name").fill("e2e-admin-key");
    await page.getByRole("dialog").getByRole("button", { name: "Create key" }).click();
    const secret = page.getByTestId("new-key-secret").filter({ visible: true });
    await expect(secret).toContainText(/^tg_live_/);
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByTestId("new-key-secret").filter({ visible: true })).toHaveCount(0);
    const row = keys.getByRole("row").filter({ hasText: "e2e-admin-key" });
    await expect(row).toContainText("Active");
    await row.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
    await expect(row).toContainText("Revoked");
  });

  test("deducts credits and changes the plan: confirmed, audited, reflected at once", async ({ page }) => {
    await page.goto("/admin/tenants?q=northwind");
    await page
      .getByTestId("tenants-table")
      .filter({ visible: true })
      .getByRole("link", { name: "Northwind Traders" })
      .click();
    await expect(page.getByRole("heading", { name: "Northwind Traders", level: 1 })).toBeVisible();
    const balance = page.getByTestId("tenant-balance").filter({ visible: true });
    const cents = async () =>
      Math.round(Number(/\$([\d,]+\.\d+)/.exec(await balance.innerText())![1]!.replaceAll(",", "")) * 100);
    const before = await cents();
    expect(before).toBeGreaterThan(500);

    await page.getByLabel("Action").selectOption("deduct");
    await page.getByLabel("Amount (USD)").fill("5");
    await page.getByLabel("Reason").fill("Refund of a duplicate top-up (e2e)");
    await page.getByRole("button", { name: "Apply" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText("Deduct $5.00 from Northwind Traders?");
    // Cancelling applies nothing.
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toHaveCount(0);
    expect(await cents()).toBe(before);
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByText("Credits deducted")).toBeVisible();
    await expect.poll(cents).toBe(before - 500);
    await expect(
      page
        .getByTestId("ledger-table")
        .filter({ visible: true })
        .getByRole("row")
        .filter({ hasText: "Refund of a duplicate top-up (e2e)" }),
    ).toContainText("-$5.00");
    await expect(page.getByTestId("audit-table").filter({ visible: true })).toContainText("credits.adjust");

    await expect(page.getByText("$99.00/month").filter({ visible: true })).toBeVisible(); // Pro
    await page.getByLabel("New plan").selectOption({ label: "Starter" });
    await page.getByRole("button", { name: "Change plan" }).click();
    await expect(page.getByRole("alertdialog")).toContainText("Move Northwind Traders to the chosen plan?");
    await page.getByRole("alertdialog").getByRole("button", { name: "Change plan" }).click();
    await expect(page.getByText("Plan changed")).toBeVisible();
    await expect(page.getByLabel("New plan")).toHaveValue("starter");
    await expect(page.getByText("$19.00/month").filter({ visible: true })).toBeVisible(); // Starter, at once
    const audit = page.getByTestId("audit-table").filter({ visible: true });
    await expect(audit.getByRole("row").filter({ hasText: "tenant.update" }).first()).toContainText(
      /starter/i,
    );
    // A reload shows the stored state, not just the form's.
    await page.reload();
    await expect(page.getByLabel("New plan")).toHaveValue("starter");
    expect(await cents()).toBe(before - 500);
  });

  test("suspends and resumes a tenant, reflected at once", async ({ page }) => {
    await page.goto("/admin/tenants?q=tiny");
    await page
      .getByTestId("tenants-table")
      .filter({ visible: true })
      .getByRole("link", { name: "Tiny Tools" })
      .click();
    await page.getByRole("button", { name: "Suspend tenant" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Suspend tenant" }).click();
    const banner = page.getByTestId("health-banner").filter({ visible: true });
    await expect(banner).toContainText("Account suspended");
    await page.getByRole("button", { name: "Resume tenant" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Resume tenant" }).click();
    await expect(banner).not.toContainText("Account suspended");
  });

  test("the tenants table filters and sorts on the server", async ({ page }, testInfo) => {
    await page.goto("/admin/tenants");
    await page.getByLabel("Risk").selectOption("refusing");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/risk=refusing/);
    const table = page.getByTestId("tenants-table").filter({ visible: true });
    await expect(table.getByRole("row").filter({ hasText: "Acme Robotics" })).toHaveCount(0);
    await expect(table.getByRole("row").filter({ hasText: "Pioneer Games" })).toContainText("Suspended");
    await table.getByRole("link", { name: "Balance" }).click();
    await expect(page).toHaveURL(/sort=balance/);
    await page.waitForLoadState("networkidle"); // hydrated before the screenshot styles inputs
    await screenshotBothWidths(page, "dashboard-admin-tenants", (n) => testInfo.outputPath(n));
  });
});

test.describe("admin global pages", () => {
  test.use({ storageState: accounts.admin.state });

  test("the decision log across tenants expands a refusal to its reason, numbers and remedy", async ({
    page,
  }, testInfo) => {
    await page.goto("/admin/decisions?outcome=refused&code=quota_exceeded");
    const table = page.getByTestId("decision-table").filter({ visible: true });
    await expect(table).toContainText("Echo Tutors");
    await table
      .getByRole("button", { name: /Details of quota_exceeded/ })
      .first()
      .click();
    await expect(table.getByText("Monthly quota exceeded.").first()).toBeVisible();
    await expect(table.getByText(/tokens/).first()).toBeVisible();
    await expect(table.getByText(/Remedy shown/).first()).toContainText("upgrade_plan");
    await page.waitForLoadState("networkidle"); // hydrated before the screenshot styles inputs
    await screenshotBothWidths(page, "dashboard-admin-decisions", (n) => testInfo.outputPath(n));
  });

  test("the Stripe events page lists deliveries by status (empty state names what fills it)", async ({
    page,
  }) => {
    await page.goto("/admin/stripe-events?status=FAILED");
    await expect(page.getByRole("heading", { name: "Stripe events", level: 1 })).toBeVisible();
    await expect(page.getByText(/No Stripe events with status failed|evt_/).first()).toBeVisible();
  });

  test("links an unmatched Stripe customer to a tenant: its stored events apply, and one replays", async ({
    page,
  }, testInfo) => {
    // Events for a customer no tenant owns, delivered through the real signed webhook (the demo's secret).
    const cus = `cus_e2e_${Date.now().toString(36)}`;
    const now = Math.floor(Date.now() / 1000);
    const events = [
      event("customer.created", customer({ id: cus, email: "ap@echo.example" }), now - 60),
      event(
        "payment_method.attached",
        card({ id: `pm_${cus.slice(4)}`, customer: cus, last4: "4444" }),
        now - 30,
      ),
    ];
    for (const e of events) {
      const payload = JSON.stringify(e);
      const res = await page.request.post("/api/stripe/webhook", {
        data: payload,
        headers: {
          "content-type": "application/json",
          "stripe-signature": stripeWebhooks.generateTestHeaderString({
            payload,
            secret: DEMO_WEBHOOK_SECRET,
          }),
        },
      });
      expect(await res.json()).toMatchObject({ outcome: "unmatched", tenantId: null });
    }

    await page.goto("/admin/stripe-events");
    const row = page.getByTestId("unmatched-customers").getByRole("row").filter({ hasText: cus });
    await expect(row.getByRole("cell").nth(1)).toHaveText("2");
    await expect(row).toContainText("customer.created, payment_method.attached");
    await page.waitForLoadState("networkidle"); // hydrated: the form validates in the browser
    await row.getByRole("button", { name: "Link to tenant" }).click();
    await expect(row.getByText("Choose a tenant")).toBeVisible();
    const slug = row.getByLabel(`Tenant slug for ${cus}`);
    await slug.fill("nobody-here");
    await row.getByRole("button", { name: "Link to tenant" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Link and apply" }).click();
    await expect(row.getByText("No tenant has the slug “nobody-here”.")).toBeVisible();

    await slug.fill("quota-used");
    await expect(row.getByText("No tenant has the slug “nobody-here”.")).toHaveCount(0); // about the slug it was sent, not this one
    await row.getByRole("button", { name: "Link to tenant" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText(
      `${cus} will belong to Echo Tutors (quota-used), and its 2 stored events will be applied`,
    );
    await screenshotBothWidths(page, "dashboard-admin-stripe-link", (n) => testInfo.outputPath(n));
    await dialog.getByRole("button", { name: "Link and apply" }).click();
    await expect(page.getByText(`Linked ${cus} to Echo Tutors; 2 stored events applied.`)).toBeVisible();
    await expect(
      page.getByTestId("unmatched-customers").getByRole("row").filter({ hasText: cus }),
    ).toHaveCount(0);

    const deliveries = page.getByTestId("stripe-events");
    for (const e of events) {
      const eventRow = deliveries.getByRole("row").filter({ hasText: e.id });
      await expect(eventRow).toContainText("processed");
      await expect(eventRow).toContainText("2 attempts");
      await expect(eventRow.getByRole("link", { name: "Echo Tutors" })).toBeVisible();
    }
    // Replaying one is safe: it applies again (a third attempt) and changes nothing it should not.
    const first = deliveries.getByRole("row").filter({ hasText: events[0]!.id });
    await first.getByRole("button", { name: "Replay" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Replay" }).click();
    await expect(page.getByText("Replayed: processed")).toBeVisible();
    await expect(first).toContainText("3 attempts");
  });

  test("the audit log lists admin changes and CSV exports stream", async ({ page, request }) => {
    await page.goto("/admin/audit");
    await expect(page.getByTestId("audit-log").filter({ visible: true })).toBeVisible();
    const res = await page.request.get("/api/dashboard/export/decisions?outcome=refused&code=quota_exceeded");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/csv");
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toContain("created_at,tenant_id");
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.includes("quota_exceeded"))).toBe(true);
    const anon = await request.get("/api/dashboard/export/usage", { headers: { cookie: "" } });
    expect([401, 404]).toContain(anon.status());
  });
});
