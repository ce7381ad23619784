/**
 * The attributes of the element being opened, read from its bytes only when asked for: a worksheet's
 * million <c> elements each carry r, s and t, and most of their values are never turned into strings
 * by anything but the one lookup that needs them. Valid only during the open handler's call.
 */
import { XmlLimitError } from "./syntaxError";
import { decodeText } from "./text";

export interface XmlAttributes {
  /** The value of the attribute with this name as written (prefix included), decoded; the first when written twice. */
  get(qualifiedName: string): string | undefined;
  /** The index of the attribute with this name, or -1: for reading a value from its bytes (below) without a string. */
  indexOf(qualifiedName: string): number;
  /** The bytes the values are in (valid during the open handler's call only), and where a value starts and ends. */
  readonly bytes: Uint8Array;
  valueStart(index: number): number;
  valueEnd(index: number): number;
  readonly count: number;
  nameAt(index: number): string;
  valueAt(index: number): string;
}

/** SpreadsheetML's elements carry at most a few dozen (a root element's namespace declarations). */
export const MAX_ATTRIBUTES = 256;
const FIELDS = 5;
const EMPTY = new Uint8Array(0);
const nameDecoder = new TextDecoder("utf-8");

export class AttributeList implements XmlAttributes {
  bytes: Uint8Array = EMPTY;
  /** Per attribute: name start, name end, value start, value end, the text flags of its value. */
  private readonly offsets = new Int32Array(MAX_ATTRIBUTES * FIELDS);
  count = 0;

  reset(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.count = 0;
  }

  add(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number, flags: number): void {
    if (this.count >= MAX_ATTRIBUTES) throw new XmlLimitError(`has an element with more than ${MAX_ATTRIBUTES} attributes`);
    const at = this.count++ * FIELDS;
    const o = this.offsets;
    o[at] = nameStart;
    o[at + 1] = nameEnd;
    o[at + 2] = valueStart;
    o[at + 3] = valueEnd;
    o[at + 4] = flags;
  }

  get(qualifiedName: string): string | undefined {
    const index = this.indexOf(qualifiedName);
    return index < 0 ? undefined : this.valueAt(index);
  }

  indexOf(qualifiedName: string): number {
    const { bytes, offsets } = this;
    const length = qualifiedName.length;
    search: for (let k = 0; k < this.count; k++) {
      const at = k * FIELDS;
      const start = offsets[at]!;
      if (offsets[at + 1]! - start !== length) continue;
      for (let j = 0; j < length; j++) if (bytes[start + j] !== qualifiedName.charCodeAt(j)) continue search;
      return k;
    }
    return -1;
  }

  valueStart(index: number): number {
    return this.offsets[index * FIELDS + 2]!;
  }

  valueEnd(index: number): number {
    return this.offsets[index * FIELDS + 3]!;
  }

  nameAt(index: number): string {
    const at = index * FIELDS;
    return nameDecoder.decode(this.bytes.subarray(this.offsets[at]!, this.offsets[at + 1]!));
  }

  valueAt(index: number): string {
    const at = index * FIELDS;
    return decodeText(this.bytes, this.offsets[at + 2]!, this.offsets[at + 3]!, this.offsets[at + 4]!);
  }
}
