-- Effective-dated model prices (issue 11): the prices move from "Model" into "ModelPrice", one row
-- per version. Every existing model gets one version in force since the Unix epoch with the prices
-- it had (cached input at the input price, no per-call price), so every past and present call is
-- priced as before. Then the old columns go (one home per concept).

-- CreateTable
CREATE TABLE "ModelPrice" (
    "modelId" TEXT NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "inputPrice" BIGINT NOT NULL,
    "outputPrice" BIGINT NOT NULL,
    "cachedInputPrice" BIGINT NOT NULL,
    "requestPrice" BIGINT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "ModelPrice_pkey" PRIMARY KEY ("modelId","effectiveFrom")
);

-- AddForeignKey
ALTER TABLE "ModelPrice" ADD CONSTRAINT "ModelPrice_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Move the prices: one version per model, in force since the epoch.
INSERT INTO "ModelPrice" ("modelId", "effectiveFrom", "inputPrice", "outputPrice", "cachedInputPrice", "requestPrice", "createdAt", "createdBy", "note")
SELECT "id", TIMESTAMP '1970-01-01 00:00:00', "inputPrice", "outputPrice", "inputPrice", NULL, "createdAt", 'SYSTEM', 'Moved from Model by the model_price_versions migration'
FROM "Model";

-- AlterTable
ALTER TABLE "Model" DROP COLUMN "inputPrice",
DROP COLUMN "outputPrice",
ADD COLUMN     "contextWindow" INTEGER,
ADD COLUMN     "maxOutputTokens" INTEGER;

-- AlterTable
ALTER TABLE "UsageEvent" ADD COLUMN     "cachedInputTokens" INTEGER NOT NULL DEFAULT 0;
