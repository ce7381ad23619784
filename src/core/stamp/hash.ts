/** SHA-256 through Web Crypto, present in browsers, Office add-ins and Node 20 alike (no Node import in core). */

export async function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error("this environment has no Web Crypto (crypto.subtle), needed to compute the validation stamp");
  const digest = await subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
