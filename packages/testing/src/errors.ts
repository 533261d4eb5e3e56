import type { Provider } from "@phonebridge/core";

/**
 * A mock server could not be started: its spec could not be found, Prism exited, or it did not
 * accept connections in time. `output` holds the tail of what Prism printed (empty when Prism
 * never ran).
 */
export class MockServerError extends Error {
  override readonly name = "MockServerError";
  readonly vendor: Provider;
  readonly spec: string | undefined;
  readonly output: string;

  constructor(
    message: string,
    details: { vendor: Provider; spec?: string | undefined; output?: string | undefined },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.vendor = details.vendor;
    this.spec = details.spec;
    this.output = details.output ?? "";
  }
}
