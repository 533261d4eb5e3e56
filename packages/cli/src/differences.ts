import type { Changes, UpdateResult } from "./client.js";

/** The fields a row may change, as `plan` names them. */
const FIELDS = [
  ["agentId", "agent"],
  ["outboundAgentId", "outbound agent"],
  ["label", "label"],
] as const;

/** One field that would change: its name, what the vendor holds, what the row asks for. */
export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

/** The fields of `changes` that differ from what the vendor holds now. */
export function differences(current: UpdateResult, changes: Changes): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [key, field] of FIELDS) {
    const wanted = changes[key];
    if (wanted === undefined) continue;
    const held = current[key] ?? null;
    if (held !== wanted) out.push({ field, from: held, to: wanted });
  }
  return out;
}
