import type { Vendor } from "./vendors.js";

/** What the global setup provides under `phonebridgeMocks`: base URL of each mock it started. */
export type MockUrls = Partial<Record<Vendor, string>>;
