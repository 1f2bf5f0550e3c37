// The admin API of the model catalogue (lib/catalog): models, their effective-dated prices, and
// withdrawal, with the operator's token. A model id with "/" travels in the path as %2F.
import { z } from "zod";

import { modelDetailSchema, modelSchema } from "@/lib/api/schemas/models";
import { modelBodySchema, modelIdParams, priceChangeSchema } from "@/lib/catalog/model-input";
import { operation } from "@/lib/http/operation";

const tag = "Admin: model catalog";

const version = (effectiveFrom: string, input: string, output: string, cached: string) => ({
  effectiveFrom,
  inputPrice: input,
  outputPrice: output,
  cachedInputPrice: cached,
  requestPrice: null,
  createdAt: effectiveFrom,
  createdBy: "ADMIN_TOKEN",
  note: null,
});
const launch = version("2026-12-06T05:00:00.000Z", "150000", "600000", "75000");
const modelExample = {
  id: "gpt-4o-mini",
  provider: "openai",
  displayName: "GPT-4o mini",
  contextWindow: 128000,
  maxOutputTokens: 16384,
  active: true,
  price: launch,
  nextPrice: null,
  createdAt: "2026-12-06T05:00:00.000Z",
  updatedAt: "2026-12-06T05:00:00.000Z",
  prices: [launch],
};

export const listModelsOperation = operation({
  method: "get",
  path: "/api/v1/admin/models",
  operationId: "listModels",
  summary: "Every model of the catalog, with the price in force",
  description: "Withdrawn models too (`active: false`), by id.",
  tag,
  security: "adminToken",
  responses: { 200: { description: "The catalog.", schema: z.object({ models: z.array(modelSchema) }) } },
});

export const getModelOperation = operation({
  method: "get",
  path: "/api/v1/admin/models/{id}",
  operationId: "getModel",
  summary: "A model with its whole price history",
  tag,
  security: "adminToken",
  params: modelIdParams,
  responses: { 200: { description: "The model.", schema: modelDetailSchema, example: modelExample } },
  problems: ["not_found"],
});

export const putModelOperation = operation({
  method: "put",
  path: "/api/v1/admin/models/{id}",
  operationId: "putModel",
  summary: "Create or replace a model",
  description:
    "The body is the whole model; a field left out takes its default (`active` true: a PUT offers a " +
    "withdrawn model again). When the prices differ from the version in force, a new version starts " +
    "now (one scheduled for later still starts then); a PUT that changes nothing writes nothing.",
  tag,
  security: "adminToken",
  params: modelIdParams,
  body: modelBodySchema,
  bodyExample: {
    provider: "openai",
    displayName: "GPT-4o mini",
    contextWindow: 128000,
    maxOutputTokens: 16384,
    inputPrice: "150000",
    outputPrice: "600000",
    cachedInputPrice: "75000",
  },
  responses: {
    200: { description: "Replaced (or unchanged).", schema: modelDetailSchema },
    201: { description: "Created.", schema: modelDetailSchema, example: modelExample },
  },
  problems: ["conflict"],
});

export const deactivateModelOperation = operation({
  method: "delete",
  path: "/api/v1/admin/models/{id}",
  operationId: "deactivateModel",
  summary: "Withdraw a model (its history stays)",
  description:
    "Authorize then refuses it with `model_not_allowed`; usage already incurred on it is still charged. " +
    "A repeat changes nothing.",
  tag,
  security: "adminToken",
  params: modelIdParams,
  responses: { 200: { description: "The model, withdrawn.", schema: modelDetailSchema } },
  problems: ["not_found"],
});

export const changeModelPriceOperation = operation({
  method: "post",
  path: "/api/v1/admin/models/{id}/prices",
  operationId: "changeModelPrice",
  summary: "A dated price change: a new price version",
  description:
    "The version is the whole price (`requestPrice` left out: none; `cachedInputPrice` left out: the " +
    "input price), in force from `effectiveFrom` (default now; not in the past). Reservations keep the " +
    "amount they were made at; usage is charged at the version in force at its `occurredAt`. A version " +
    "at an instant another already holds is a 409: versions are never replaced.",
  tag,
  security: "adminToken",
  params: modelIdParams,
  body: priceChangeSchema,
  bodyExample: {
    inputPrice: "100000",
    outputPrice: "400000",
    effectiveFrom: "2027-01-01T00:00:00Z",
    note: "Provider price cut",
  },
  responses: { 201: { description: "The model with the new version.", schema: modelDetailSchema } },
  problems: ["not_found", "conflict"],
});

export const modelOperations = [
  listModelsOperation,
  getModelOperation,
  putModelOperation,
  deactivateModelOperation,
  changeModelPriceOperation,
];
