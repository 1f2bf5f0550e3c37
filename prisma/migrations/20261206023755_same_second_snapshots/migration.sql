-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "stripeEventId" TEXT;

-- AlterTable
ALTER TABLE "PaymentMethod" ADD COLUMN     "stripeEventId" TEXT;

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "stripeEventId" TEXT;

-- CreateTable
CREATE TABLE "StripeObjectRead" (
    "objectId" TEXT NOT NULL,
    "created" TIMESTAMP(3) NOT NULL,
    "payload" JSONB NOT NULL,
    "eventId" TEXT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeObjectRead_pkey" PRIMARY KEY ("objectId","created")
);
