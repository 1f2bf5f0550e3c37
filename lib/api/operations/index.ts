// Every operation of the API, in the order the reference lists them. A route file serves exactly
// one of these per method (lib/api/operations.test.ts holds the route table to this list).
import {
  createAlertRuleOperation,
  createChannelOperation,
  deleteAlertRuleOperation,
  deleteChannelOperation,
  getAlertRuleOperation,
  getChannelOperation,
  listAlertDeliveriesOperation,
  listAlertRulesOperation,
  listChannelsOperation,
  testChannelOperation,
  updateAlertRuleOperation,
  updateChannelOperation,
} from "@/lib/api/operations/alerts";
import { authorizeOperation, balanceOperation, reportUsageOperation } from "@/lib/api/operations/decisions";
import type { Operation } from "@/lib/http/operation";

export const OPERATIONS: readonly Operation[] = [
  authorizeOperation,
  reportUsageOperation,
  balanceOperation,
  listAlertRulesOperation,
  createAlertRuleOperation,
  getAlertRuleOperation,
  updateAlertRuleOperation,
  deleteAlertRuleOperation,
  listChannelsOperation,
  createChannelOperation,
  getChannelOperation,
  updateChannelOperation,
  deleteChannelOperation,
  testChannelOperation,
  listAlertDeliveriesOperation,
];
