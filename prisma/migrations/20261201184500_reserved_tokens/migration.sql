-- AlterTable
ALTER TABLE "CreditBalance" ADD COLUMN     "reservedTokens" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Reservation" ADD COLUMN     "tokens" BIGINT NOT NULL DEFAULT 0;
