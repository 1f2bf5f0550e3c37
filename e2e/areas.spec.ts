import { accounts } from "./fixtures/accounts";
import { expect, screenshotBothWidths, test } from "./fixtures/test";

test.describe("admin area", () => {
  test.use({ storageState: accounts.admin.state });

  test("the admin lands on the overview and sees every tenant", async ({ page }, testInfo) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    const table = page.getByTestId("tenants-table");
    await expect(table.getByText("Acme Robotics")).toBeVisible();
    await expect(table.getByText("Cobalt Labs")).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(26); // header + 25 demo tenants
    // Status is a word, not only a colour.
    await expect(table.getByRole("row").filter({ hasText: "Pioneer Games" })).toContainText("Suspended");
    await expect(table.getByRole("row").filter({ hasText: "Acme Robotics" })).not.toContainText("Suspended");
    await expect(page.getByTestId("user-role")).toHaveText("Admin");
    await screenshotBothWidths(page, "admin-overview", (n) => testInfo.outputPath(n));
  });

  test("an admin opening the tenant area is sent to the admin area", async ({ page }) => {
    await page.goto("/app");
    await expect(page).toHaveURL(/\/admin$/);
  });
});

test.describe("tenant area", () => {
  test.use({ storageState: accounts.owner.state });

  test("the owner lands on their own home and sees only their tenant", async ({ page }, testInfo) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/app$/);
    await expect(page.getByRole("heading", { name: "Acme Robotics" })).toBeVisible();
    await expect(page.getByTestId("balance-available")).toContainText("$");
    await expect(page.getByText("Cobalt Labs")).toHaveCount(0);
    await expect(page.getByTestId("user-role")).toHaveText("Owner");
    await screenshotBothWidths(page, "tenant-home", (n) => testInfo.outputPath(n));
  });

  test.describe("forbidden", () => {
    test.use({ expectedConsoleErrors: [/status of 403/] });

    test("a tenant owner cannot open an admin page: 403", async ({ page }) => {
      const response = await page.goto("/admin");
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: /403/ })).toBeVisible();
      await expect(page.getByText("Cobalt Labs")).toHaveCount(0);
      await expect(page.getByTestId("tenants-table")).toHaveCount(0);
    });
  });

  test("signing out ends the session", async ({ page }) => {
    await page.goto("/app");
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/app");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
