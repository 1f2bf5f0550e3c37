import { test, expect, screenshotBothWidths, signIn } from "./fixtures/test";
import { accounts } from "./fixtures/accounts";
import { DEMO_PASSWORD, demoOwnerEmail } from "@/lib/demo/accounts";

// Test ids are filtered to visible elements: Next keeps a page it streamed or left in a hidden
// subtree for a moment, and a hidden twin would trip strict mode.

test.describe("tenant owner", () => {
  test.use({ storageState: accounts.owner.state });

  test("reads the banner, balance, days left, quota and the usage chart with its table", async ({ page }, testInfo) => {
    await page.goto("/app");
    await expect(page.getByTestId("health-banner").filter({ visible: true })).toHaveAttribute("data-level", /ok|warn/);
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
    const row = page.getByTestId("keys-table").filter({ visible: true }).getByRole("row").filter({ hasText: "e2e-owner-key" });
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
    await table.getByRole("button", { name: /Details of/ }).first().click();
    await expect(table.getByText(/Remedy shown/).first()).toBeVisible();
    await expect(page.getByText("Cobalt Labs")).toHaveCount(0);
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
    await expect(banner.getByRole("link", { name: "Update your card" })).toHaveAttribute("href", /\/app\/billing#payment-methods$/);
  });
});
