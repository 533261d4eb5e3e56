/** The vendors phonebridge ships a spec for, in alphabetical order. */
export const VENDORS = ["cald", "cartesia", "retell", "verbex", "vogent"] as const;

/** One of {@link VENDORS}. */
export type Vendor = (typeof VENDORS)[number];

export function isVendor(value: unknown): value is Vendor {
  return typeof value === "string" && (VENDORS as readonly string[]).includes(value);
}
