/** The core's own SHA-256 gives node:crypto's digest for every text: ASCII, any Unicode, lone surrogates, block boundaries. */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { Sha256, sha256Hex, sha256HexOfBytes, sha256HexOfPieces, utf8Bytes } from "../../../src/core/stamp/hash";

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

describe("Sha256, fed in pieces", () => {
  /** The text cut at the given places (each taken modulo its length). */
  const cut = (text: string, places: readonly number[]): string[] => {
    const at = [...new Set(places.map((p) => (text.length === 0 ? 0 : p % (text.length + 1))))].sort((a, b) => a - b);
    return [...at, text.length].map((end, i) => text.slice(i === 0 ? 0 : at[i - 1], end));
  };

  it("hashes any cutting of a text as the whole text, a surrogate pair cut in two included", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 300 }), fc.array(fc.nat(), { maxLength: 8 }), async (text, places) => {
        expect(await sha256HexOfPieces(cut(text, places))).toBe(nodeSha256(text));
      }),
      { numRuns: 300 },
    );
  });

  it("joins the halves of an emoji given in two updates, and makes a lone half U+FFFD", () => {
    expect(new Sha256().update("a\ud83d").update("\ude00b").digestHex()).toBe(nodeSha256("a😀b"));
    expect(new Sha256().update("a\ud83d").update("").update("\ude00").digestHex()).toBe(nodeSha256("a😀"));
    expect(new Sha256().update("a\ud83d").update("b").digestHex()).toBe(nodeSha256("a\ufffdb"));
    expect(new Sha256().update("a\ud83d").digestHex()).toBe(nodeSha256("a\ufffd"));
  });

  it("hashes bytes given in any blocks as node:crypto does", () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 256);
    for (const size of [1, 7, 63, 64, 65, 200]) {
      const hash = new Sha256();
      for (let i = 0; i < bytes.length; i += size) hash.updateBytes(bytes.subarray(i, i + size));
      expect(hash.digestHex()).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
    expect(sha256HexOfBytes(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
  });

  it("hashes many megabytes in pieces as node:crypto hashes their concatenation", async () => {
    const piece = "EPR Return £ 😀 é ".repeat(60_000);
    const node = createHash("sha256");
    for (let i = 0; i < 8; i++) node.update(piece, "utf8");
    expect(await sha256HexOfPieces(Array.from({ length: 8 }, () => piece))).toBe(node.digest("hex"));
  });

  it("takes nothing more once it has given its digest", () => {
    const hash = new Sha256().update("abc");
    hash.digestHex();
    expect(() => hash.update("d")).toThrow("already given its digest");
  });
});
