import type { Provider } from "@phonebridge/core";

/** What the global setup provides under `phonebridgeMocks`: base URL of each mock it started. */
export type MockUrls = Partial<Record<Provider, string>>;
