// A model's id, as clients send it in `model`. Pure zod (client-safe): the admin API's paths and
// the dashboard's forms check it with the same pattern.
import { z } from "zod";

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*(\/[A-Za-z0-9][A-Za-z0-9._:-]*)*$/;

/** "gpt-4o-mini", "anthropic/claude-3.5", "bedrock/anthropic.claude-v2:1". */
export const modelIdSchema = z
  .string()
  .max(200, "must be at most 200 characters")
  .regex(
    ID,
    "must be letters, digits, '.', '_', ':' or '-', in parts separated by '/', each starting with a letter or digit",
  );
