-- AlterTable
ALTER TABLE "Reservation" ADD COLUMN     "releaseReason" TEXT;
