import type { PhoneNumbers } from "./client.js";
import type { ErrorInfo } from "./describe.js";
import type { Capabilities } from "./help.js";
import { cannotLookUp, LookupFailed, NumberIds } from "./number-ids.js";
import type { Provider } from "./providers.js";
import type { GoodRow } from "./rows.js";
import type { Secrets } from "./secrets.js";

/**
 * An `<id>` nothing is sent to, and the exit code of `update` for it
 * (docs/CONTRACT.md#cli-phonebridge): 2 for what the command line alone decides or the vendor's
 * answer shows it cannot say (a number on a vendor that cannot look one up, a number held twice:
 * give the id), 1 for a number the vendor does not hold (as a vendor whose id is the number
 * answers for an unknown one) and for a lookup that failed.
 */
export class IdRefused extends Error {
  constructor(
    readonly info: ErrorInfo,
    readonly exitCode: 1 | 2,
  ) {
    super(info.message);
    this.name = "IdRefused";
  }
}

/**
 * `update`'s `<id>`, which may hold an E.164 number instead of the vendor's id, as the id column
 * of `apply` and `plan` files may (docs/CONTRACT.md#cli-phonebridge, ids given as numbers): the
 * same rules and the same lookup ({@link NumberIds}), run for one row.
 */
export class IdArgument {
  readonly #ids: NumberIds;
  readonly #row: GoodRow;

  /**
   * Throws {@link IdRefused} for a number on a vendor that cannot look one up: decided from the
   * capability matrix alone, before any request (`--dry-run` included).
   */
  constructor(
    capabilities: Capabilities,
    readonly provider: Provider,
    readonly given: string,
  ) {
    this.#ids = new NumberIds(capabilities);
    // The changes are the facade's to check: the lookup reads only the provider and the id.
    this.#row = { row: 1, line: 1, provider, id: given, ok: true, changes: {} };
    if (!this.#ids.mark(this.#row).ok) {
      throw new IdRefused({ code: "invalid_input", field: "id", message: cannotLookUp(provider, given) }, 2);
    }
  }

  /** True when the id given is a number whose id is looked up (not on a vendor whose id is the number). */
  get isNumber(): boolean {
    return this.#ids.needsLookup(this.#row);
  }

  /**
   * The vendor's id: the id given, or the one looked up for the number given. Rejects with
   * {@link IdRefused} when the vendor does not hold the number, holds it more than once, or the
   * lookup fails: nothing is sent then.
   */
  async resolve(client: PhoneNumbers, secrets: Secrets, say: (line: string) => void): Promise<string> {
    if (!this.isNumber) return this.given;
    this.#ids.note(this.#row);
    try {
      await this.#ids.resolve(new Map([[this.provider, client]]), {
        concurrency: 1,
        secrets,
        numbers: this.given,
        say,
        // One number: no other to be given twice.
        check: () => undefined,
      });
    } catch (error) {
      if (error instanceof LookupFailed) throw new IdRefused({ code: error.code, message: error.message }, 1);
      throw error;
    }
    const outcome = this.#ids.lookedUp(this.#row, secrets);
    // Never the number in place of an id it was not found to be.
    if (outcome === undefined) throw new Error(`${this.given} was not looked up`);
    if ("id" in outcome) return outcome.id;
    throw outcome.problem === "unknown"
      ? new IdRefused({ code: "not_found", field: "id", message: outcome.reason }, 1)
      : new IdRefused({ code: "invalid_input", field: "id", message: outcome.reason }, 2);
  }
}
