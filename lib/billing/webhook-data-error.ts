// An event whose data Tollgate cannot apply as sent (an unknown status, a currency other than
// USD, a top-up whose metadata disagrees with the amount). The event is marked FAILED with this
// message and answered 500, so it stays visible and Stripe retries it after a fix.
export class WebhookDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookDataError";
  }
}
