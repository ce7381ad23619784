/** The core's own SHA-256 gives node:crypto's digest for every text: ASCII, any Unicode, lone surrogates, block boundaries. */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { sha256Hex, utf8Bytes } from "../../../src/core/stamp/hash";

const nodeSha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

describe("sha256Hex", () => {
  it("gives the FIPS 180-4 examples", async () => {
    expect(await sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("agrees with node:crypto around every padding boundary", async () => {
    for (let n = 0; n <= 200; n++) {
      const text = "x".repeat(n);
      expect(await sha256Hex(text)).toBe(nodeSha256(text));
    }
  });

  it("agrees with node:crypto on any text, and encodes it as TextEncoder does", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 300 }), async (text) => {
        expect(Buffer.from(utf8Bytes(text))).toEqual(Buffer.from(new TextEncoder().encode(text)));
        expect(await sha256Hex(text)).toBe(nodeSha256(text));
      }),
      { numRuns: 300 },
    );
  });

  it("hashes a megabyte the same as node:crypto", async () => {
    const text = "EPR Return £ 😀 ".repeat(70_000);
    expect(await sha256Hex(text)).toBe(nodeSha256(text));
  });
});
