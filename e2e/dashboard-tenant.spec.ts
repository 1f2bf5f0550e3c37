import { DEMO_PASSWORD, demoOwnerEmail } from "@/lib/demo/accounts";
import { keyIdOf } from "@/lib/demo/ids";

import { accounts } from "./fixtures/accounts";
import { expect, expectLiveAfterUsage, screenshotBothWidths, signIn, test } from "./fixtures/test";

// Test ids are filtered to visible elements: Next keeps a page it streamed or left in a hidden
// subtree for a moment, and a hidden twin would trip strict mode.

test.describe("tenant owner", () => {
  test.use({ storageState: accounts.owner.state });

  test("reads the banner, balance, days left, quota and the usage chart with its table", async ({
    page,
  }, testInfo) => {
    await page.goto("/app");
    await expect(page.getByTestId("health-banner").filter({ visible: true })).toHaveAttribute(
      "data-level",
      /ok|warn/,
    );
    await expect(page.getByTestId("balance-available").filter({ visible: true })).toContainText("$");
    await expect(page.getByTestId("days-left").filter({ visible: true })).toContainText(/day|usage|year/);
    await expect(page.getByRole("progressbar", { name: "Monthly quota used" })).toBeVisible();
    const chart = page.getByTestId("usage-chart").filter({ visible: true });
    await expect(chart).toContainText("Days in UTC");
    await chart.getByRole("tab", { name: "7 days" }).click();
    await chart.getByRole("tab", { name: "Cost" }).click();
    await chart.getByRole("button", { name: "Show table" }).click();
    await expect(chart.getByRole("table")).toContainText("$");
    await expect(chart.getByRole("table").getByRole("row")).toHaveCount(8); // header + 7 days
    await page.waitForLoadState("networkidle"); // hydrated before the screenshot styles inputs
    await screenshotBothWidths(page, "dashboard-tenant-home", (n) => testInfo.outputPath(n));
  });

  test("the home's balance follows usage reported through the API, without a reload", async ({ page }) => {
    await page.goto("/app");
    await expectLiveAfterUsage(
      page,
      page.getByTestId("balance-available").filter({ visible: true }),
      "healthy",
    );
  });

  test("creates a key, sees its secret once, and revokes it", async ({ page }, testInfo) => {
    await page.goto("/app/keys");
    await page.getByRole("button", { name: "Create key" }).click();
    await page.getByLabel("Name").fill("e2e-owner-key");
    await page.getByRole("dialog").getByRole("button", { name: "Create key" }).click();
    await expect(page.getByTestId("new-key-secret").filter({ visible: true })).toContainText(/^tg_live_/);
    const secret = await page.getByTestId("new-key-secret").filter({ visible: true }).innerText();
    await page.getByRole("button", { name: "Done" }).click();
    await page.reload();
    await expect(page.getByText(secret)).toHaveCount(0);
    const row = page
      .getByTestId("keys-table")
      .filter({ visible: true })
      .getByRole("row")
      .filter({ hasText: "e2e-owner-key" });
    await expect(row).toContainText("Active");
    await expect(row).toContainText(secret.slice(0, 12));
    await page.waitForLoadState("networkidle"); // hydrated before the screenshot styles inputs
    await screenshotBothWidths(page, "dashboard-tenant-keys", (n) => testInfo.outputPath(n));
    await row.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
    await expect(row).toContainText("Revoked");
  });

  test("the decision log shows only the own tenant's decisions and expands a refusal", async ({ page }) => {
    await page.goto("/app/decisions?outcome=refused");
    const table = page.getByTestId("decision-table").filter({ visible: true });
    await expect(table.getByRole("row").nth(1)).toBeVisible();
    await table
      .getByRole("button", { name: /Details of/ })
      .first()
      .click();
    await expect(table.getByText(/Remedy shown/).first()).toBeVisible();
    await expect(page.getByText("Cobalt Labs")).toHaveCount(0);
  });

  test("the export links carry the page's filters: the decision filters and the chart's range", async ({
    page,
  }) => {
    const key = keyIdOf("healthy");
    await page.goto(`/app/decisions?outcome=refused&code=rate_limited&keyId=${key}`);
    const links = page.getByTestId("export-links").filter({ visible: true });
    const decisions = links.getByRole("link", { name: "decisions" });
    await expect(decisions).toHaveAttribute(
      "href",
      `/api/dashboard/export/decisions?keyId=${key}&outcome=refused&code=rate_limited`,
    );
    const res = await page.request.get((await decisions.getAttribute("href"))!);
    expect(res.status()).toBe(200);
    const rows = (await res.text()).trim().split("\r\n").slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((l) => l.includes(`,${key},`) && l.includes(",false,rate_limited,"))).toBe(true);

    // Acme Robotics counts its days in UTC: the 7-day range ends today.
    await page.goto("/app/usage");
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
    const usage = page
      .getByTestId("export-links")
      .filter({ visible: true })
      .getByRole("link", { name: "usage" });
    await expect(usage).toHaveAttribute("href", `/api/dashboard/export/usage?from=${day(29)}&to=${day(0)}`);
    await page
      .getByTestId("usage-chart")
      .filter({ visible: true })
      .getByRole("tab", { name: "7 days" })
      .click();
    await expect(page).toHaveURL(/[?&]range=7\b/);
    await expect(usage).toHaveAttribute("href", `/api/dashboard/export/usage?from=${day(6)}&to=${day(0)}`);
    const csv = await page.request.get((await usage.getAttribute("href"))!);
    const days = new Set(
      (await csv.text())
        .trim()
        .split("\r\n")
        .slice(1)
        .map((l) => l.slice(0, 10)),
    );
    expect([...days].every((d) => d >= day(6) && d <= day(0))).toBe(true);
  });
});

test.describe("tenant member", () => {
  test.use({ storageState: accounts.member.state });

  test("sees the keys but cannot create or revoke them", async ({ page }) => {
    await page.goto("/app/keys");
    await expect(page.getByTestId("keys-table").filter({ visible: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Revoke" })).toHaveCount(0);
    await expect(page.getByText("Only the account owner can create or revoke keys.")).toBeVisible();
  });
});

test.describe("a refused tenant", () => {
  test("sees why and the one action that fixes it", async ({ page }) => {
    await signIn(page, demoOwnerEmail("card-expired"), DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/app$/);
    const banner = page.getByTestId("health-banner").filter({ visible: true });
    await expect(banner).toHaveAttribute("data-level", "refusing");
    await expect(banner).toContainText("Card expired");
    await expect(banner.getByRole("link", { name: "Update your card" })).toHaveAttribute(
      "href",
      /\/app\/billing#payment-methods$/,
    );
  });
});
