/**
 * A listed page is searched for secrets once, as received (docs/CONTRACT.md#secrets): an item
 * that echoes the key, as written or escaped, is redacted; the items of a page that holds none
 * are the vendor's own objects, unchanged.
 */
import { describe, expect, it } from "vitest";
import { createPhoneNumbers } from "../src/index.js";

const KEY = "key_list_secrets_1234";

function item(number: string, nickname: string) {
  return {
    phone_number: number,
    phone_number_type: "retell-twilio",
    last_modification_timestamp: 1,
    nickname,
  };
}

describe("list: secrets in listed numbers", () => {
  it("redacts the items that hold the key, as written or escaped, and leaves the others as sent", async () => {
    const clean = item("+14155550002", "front desk");
    const pages = [
      JSON.stringify({ items: [item("+14155550001", `echo ${KEY}`), clean], has_more: true, pagination_key: "p2" }),
      // The key with its "_" escaped as JSON allows: the same text to a reader.
      `{"items":[${JSON.stringify(item("+14155550003", "x")).replace('"x"', `"${KEY.replaceAll("_", "\\u005f")}"`)}],"has_more":false}`,
      JSON.stringify({ items: [clean], has_more: false }),
    ];
    const fetch = async () => new Response(pages.shift(), { status: 200 });
    const numbers = createPhoneNumbers({ provider: "retell", apiKey: KEY, baseUrl: "http://vendor.test", fetch });
    const results = [];
    for await (const result of numbers.list()) results.push(result);
    expect(results.map((r) => [r.number, r.label])).toEqual([
      ["+14155550001", "echo [redacted]"],
      ["+14155550002", "front desk"],
      ["+14155550003", "[redacted]"],
    ]);
    expect(JSON.stringify(results)).not.toContain(KEY);
    expect(results[1]?.raw).toEqual(clean);
    const [again] = await (async () => {
      const out = [];
      for await (const result of numbers.list()) out.push(result);
      return out;
    })();
    expect(again?.raw).toEqual(clean);
  });
});
