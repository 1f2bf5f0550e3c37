// /admin/models: the priced catalog as an admin sees and changes it, and the decision API
// following the change at once (the server action clears the same decision cache the API reads).
import { demoKeySecret } from "@/lib/demo/accounts";

import { accounts } from "./fixtures/accounts";
import { expect, screenshotBothWidths, test } from "./fixtures/test";

test.describe("model catalog", () => {
  test.use({ storageState: accounts.admin.state });

  test("shows prices in dollars per million tokens, the scheduled change and the history", async ({
    page,
  }, testInfo) => {
    await page.goto("/admin");
    await page.getByRole("link", { name: "Models", exact: true }).filter({ visible: true }).first().click();
    await expect(page.getByRole("heading", { name: "Models", level: 1 })).toBeVisible();
    const table = page.getByTestId("models-table").filter({ visible: true });
    await expect(table.getByTestId("model-gpt-4o")).toContainText("$2.50");
    await expect(table.getByTestId("model-gpt-4o-mini")).toContainText("$0.075"); // cached, never rounded
    // The demo's announced rise for Gemini is scheduled, not in force.
    await expect(table.getByTestId("model-gemini-2.0-flash")).toContainText("$0.10");
    await expect(table.getByTestId("model-gemini-2.0-flash")).toContainText("$0.15 / $0.60 from");

    const history = page.getByTestId("history-gpt-4o");
    await history.locator("summary").click();
    await expect(history).toContainText("2 price versions");
    await expect(history).toContainText("Provider price cut");
    await expect(history.getByText("in force", { exact: true })).toBeVisible();
    await expect(history.getByText("past", { exact: true })).toBeVisible();
    await page.waitForLoadState("networkidle"); // hydrated before the screenshot styles inputs
    await screenshotBothWidths(page, "admin-models", (n) => testInfo.outputPath(n));
  });

  test("changes a price after confirming, and authorize reserves at the new price at once", async ({
    page,
  }) => {
    await page.goto("/admin/models");
    const row = page.getByTestId("models-table").filter({ visible: true }).getByTestId("model-llama-3.1-70b");
    await expect(row).toContainText("$0.88");
    await row.getByRole("button", { name: "Change the price of Llama 3.1 70B" }).click();
    const dialog = page.getByRole("dialog");
    // Field errors come from the shared zod schema before anything is sent.
    await dialog.getByLabel("Input (USD / 1M tokens)", { exact: true }).fill("cheap");
    await dialog.getByRole("button", { name: "Review change" }).click();
    await expect(dialog.getByText("Enter a price in dollars")).toBeVisible();
    await dialog.getByLabel("Input (USD / 1M tokens)", { exact: true }).fill("0.90");
    await dialog.getByLabel("Output (USD / 1M tokens)", { exact: true }).fill("0.90");
    await dialog.getByLabel("Note").fill("E2E reprice");
    await dialog.getByRole("button", { name: "Review change" }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText("Price Llama 3.1 70B at $0.90 input");
    await expect(confirm).toContainText("from now");
    await confirm.getByRole("button", { name: "Save price" }).click();
    await expect(page.getByText("Price changed", { exact: true })).toBeVisible();
    await expect(row).toContainText("$0.90");

    // 100,000 input tokens at $0.90 per million = 90,000 µUSD reserved.
    const res = await page.request.post("/api/v1/authorize", {
      headers: { Authorization: `Bearer ${demoKeySecret("healthy")}` },
      data: {
        requestId: `e2e-reprice-${Date.now()}`,
        model: "llama-3.1-70b",
        inputTokens: 100_000,
        maxOutputTokens: 0,
      },
    });
    expect(res.status()).toBe(200);
    expect((await res.json()).reservation.amount).toBe("90000");
  });

  test("adds a model, withdraws it, and authorize then refuses it", async ({ page }) => {
    await page.goto("/admin/models");
    await page.getByRole("button", { name: "Add model" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Model id").fill("e2e/tiny-model");
    await dialog.getByLabel("Name", { exact: true }).fill("E2E Tiny");
    await dialog.getByLabel("Provider").fill("e2e");
    await dialog.getByLabel("Input (USD / 1M tokens)", { exact: true }).fill("0.01");
    await dialog.getByLabel("Output (USD / 1M tokens)", { exact: true }).fill("0.02");
    await dialog.getByRole("button", { name: "Add model" }).click();
    await expect(page.getByText("E2E Tiny added", { exact: true })).toBeVisible();
    const row = page
      .getByTestId("models-table")
      .filter({ visible: true })
      .getByTestId("model-e2e/tiny-model");
    await expect(row).toContainText("Active");
    await expect(row).toContainText("$0.01");

    await row.getByRole("button", { name: "Withdraw" }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText("model_not_allowed");
    await confirm.getByRole("button", { name: "Withdraw" }).click();
    await expect(page.getByText("E2E Tiny withdrawn", { exact: true })).toBeVisible();
    await expect(row).toContainText("Withdrawn");

    const res = await page.request.post("/api/v1/authorize", {
      headers: { Authorization: `Bearer ${demoKeySecret("healthy")}` },
      data: { requestId: `e2e-withdrawn-${Date.now()}`, model: "e2e/tiny-model", inputTokens: 10 },
    });
    expect(res.status()).toBe(403);
    expect((await res.json()).code).toBe("model_not_allowed");
  });
});
