// The answers of the model catalogue's admin API (lib/catalog): a model with the price in force and
// the next one scheduled, and its whole price history.
import { z } from "zod";

import { microUsd, timestamp } from "@/lib/api/schemas/wire";
import type { ModelDetailJson, ModelJson, PriceVersionJson } from "@/lib/catalog/model-json";

export const priceVersionSchema = z
  .object({
    effectiveFrom: timestamp.meta({ description: "In force from this instant until the next version's." }),
    inputPrice: microUsd.meta({ description: "Per million input tokens." }),
    outputPrice: microUsd.meta({ description: "Per million output tokens." }),
    cachedInputPrice: microUsd.meta({
      description: "Per million cached input tokens (a part of inputTokens); the input price unless set.",
    }),
    requestPrice: microUsd.nullable().meta({ description: "Per call, on top of the tokens; null: none." }),
    createdAt: timestamp,
    createdBy: z.string().meta({ description: 'Who wrote it: "ADMIN_TOKEN", "USER:<id>" or "SYSTEM".' }),
    note: z.string().nullable(),
  })
  .meta({ id: "PriceVersion", description: "One version of a model's price; versions are never changed." });

export const modelSchema = z
  .object({
    id: z.string().meta({ description: "As clients send it in `model`." }),
    provider: z.string(),
    displayName: z.string(),
    contextWindow: z.number().int().nullable(),
    maxOutputTokens: z.number().int().nullable().meta({
      description: "The reservation's output estimate when an authorize call sends no maxOutputTokens.",
    }),
    active: z
      .boolean()
      .meta({ description: "false: withdrawn; authorize refuses it with model_not_allowed." }),
    price: priceVersionSchema.meta({ description: "The version in force now." }),
    nextPrice: priceVersionSchema
      .nullable()
      .meta({ description: "The next version, when one is scheduled." }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Model" });

export const modelDetailSchema = modelSchema
  .extend({
    prices: z.array(priceVersionSchema).meta({ description: "Every version, newest effectiveFrom first." }),
  })
  .meta({ id: "ModelDetail" });

// The domain's builders (lib/catalog/model-json.ts) answer exactly these shapes: checked both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const ANSWERS_MATCH: [
  Same<z.infer<typeof priceVersionSchema>, PriceVersionJson>,
  Same<z.infer<typeof modelSchema>, ModelJson>,
  Same<z.infer<typeof modelDetailSchema>, ModelDetailJson>,
] = [true, true, true];
