import { describe, expect, it } from "vitest";
import { encodePathSegment, pathSerializer } from "../src/path.js";

describe("encodePathSegment", () => {
  it("keeps RFC 3986 path characters, so an E.164 number keeps its literal +", () => {
    expect(encodePathSegment("+14157774444")).toBe("+14157774444");
    expect(encodePathSegment("a-b._~!$&'()*+,;=:@")).toBe("a-b._~!$&'()*+,;=:@");
  });

  it("percent-encodes what must be encoded", () => {
    expect(encodePathSegment("a/b")).toBe("a%2Fb");
    expect(encodePathSegment("a?b#c")).toBe("a%3Fb%23c");
    expect(encodePathSegment("100%")).toBe("100%25");
    expect(encodePathSegment("a b")).toBe("a%20b");
    expect(encodePathSegment("é")).toBe("%C3%A9");
    expect(encodePathSegment("📞")).toBe("%F0%9F%93%9E");
  });

  it("refuses what can never be a segment", () => {
    expect(encodePathSegment("")).toBeUndefined();
    expect(encodePathSegment(".")).toBeUndefined();
    expect(encodePathSegment("..")).toBeUndefined();
    expect(encodePathSegment("\ud800")).toBeUndefined();
  });
});

describe("pathSerializer", () => {
  it("fills every parameter with the vendor-style encoding", () => {
    expect(pathSerializer("/update-phone-number/{phone_number}", { phone_number: "+1415 7" })).toBe(
      "/update-phone-number/+1415%207",
    );
  });

  it("throws on a parameter that cannot be a segment", () => {
    expect(() => pathSerializer("/x/{id}", { id: ".." })).toThrow(/"id"/);
  });
});
