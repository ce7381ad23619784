/** jsdom lacks TextDecoder and TextEncoder, which the xlsx guard uses at load time: Node's, before anything else loads. */
import { TextDecoder, TextEncoder } from "node:util";

Object.assign(globalThis, { TextDecoder, TextEncoder });
