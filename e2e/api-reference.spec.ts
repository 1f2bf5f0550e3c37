import { expect, test } from "./fixtures/test";

test.describe("the API reference", () => {
  test("renders every operation of /api/openapi.json from this server alone, signed out", async ({
    page,
    baseURL,
  }) => {
    const origin = new URL(baseURL!).origin;
    const elsewhere: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).origin !== origin && !r.url().startsWith("data:")) elsewhere.push(r.url());
    });

    const doc = (await (await page.request.get("/api/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(doc.openapi).toBe("3.1.0");

    await page.goto("/docs/api");
    await expect(page.getByRole("heading", { level: 1, name: /Tollgate API/ })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Decisions", exact: true })).toBeVisible();
    // Every operation of the document has its section, titled by its method and path.
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item)) {
        const section = page.locator(`section#${op.operationId}`);
        await expect(section).toHaveCount(1);
        await expect(section.getByRole("heading", { level: 3 })).toContainText(
          `${method.toUpperCase()}${path}`,
        );
      }
    // A refusal's shape is there for the reader, with its example.
    await expect(page.locator("#schema-Refusal")).toContainText("credits_exhausted");
    await page.getByRole("link", { name: /POST \/v1\/authorize/ }).click();
    await expect(page).toHaveURL(/#authorize$/);

    expect(elsewhere, "requests to another origin").toEqual([]);
  });
});
