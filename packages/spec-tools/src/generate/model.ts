// What every renderer of a vendor package reads: the loaded spec and what is derived from it.
import type { Derived } from "../spec/descriptor.js";
import type { VendorSpec } from "../spec/vendor-spec.js";

export type VendorModel = VendorSpec & Derived;
