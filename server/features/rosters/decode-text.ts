import type { Readable } from "node:stream";
import iconv from "iconv-lite";

/** The encodings a roster file is read in. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** The file's bytes are not text in one encoding from this line on. */
export class TextEncodingError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

type Decoder = { decode: (bytes: Uint8Array, options?: { stream?: boolean }) => string };

/** Windows-1252 as the WHATWG Encoding Standard reads it, chunk by chunk. */
function windows1252Decoder(): Decoder {
  const decoder = iconv.getDecoder("windows-1252");
  return {
    decode: (bytes, options) => decoder.write(Buffer.from(bytes)) + (options?.stream ? "" : (decoder.end() ?? "")),
  };
}

/** Bytes looked at before deciding on UTF-16 without a byte order mark. */
const SNIFF_BYTES = 4096;

/**
 * UTF-16 without a byte order mark, told by its zero bytes: ASCII text in UTF-16 has a zero in every other
 * byte, and UTF-8 or Windows-1252 text has none.
 */
function sniffUtf16(head: Buffer): "utf-16le" | "utf-16be" | undefined {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return undefined;
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) zeroEven += 1;
    if (head[i + 1] === 0) zeroOdd += 1;
  }
  if (zeroOdd > pairs * 0.6 && zeroEven < pairs * 0.1) return "utf-16le";
  if (zeroEven > pairs * 0.6 && zeroOdd < pairs * 0.1) return "utf-16be";
  return undefined;
}

/** How many bytes at the end of `bytes` begin a UTF-8 sequence that the next chunk completes (0–3). */
function incompleteTail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const b = bytes[bytes.length - back] as number;
    if ((b & 0xc0) === 0x80) continue;
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

/** The index of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1] as number;
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k += 1) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

function firstNonAscii(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i += 1) if ((bytes[i] as number) >= 0x80) return i;
  return -1;
}

function countLineFeeds(bytes: Buffer, end: number): number {
  let n = 0;
  let at = bytes.indexOf(10);
  while (at !== -1 && at < end) {
    n += 1;
    at = bytes.indexOf(10, at + 1);
  }
  return n;
}

/**
 * Decodes a file's bytes to text, chunk by chunk: a byte order mark (UTF-8, UTF-16 LE or BE) decides, else
 * UTF-16 is recognised by its zero bytes, else the text is UTF-8 — unless it is not valid UTF-8 and nothing
 * before the first bad byte was UTF-8 beyond ASCII, in which case it is Windows-1252 (the encoding of a file
 * saved by Excel on Windows, and a superset of Latin-1). `onEncoding` hears the encoding once it is known; a
 * file that mixes UTF-8 with other bytes is refused (TextEncodingError, with the line).
 */
export async function* decodeText(
  stream: Readable,
  onEncoding: (encoding: TextEncoding) => void,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<string> {
  let head: Buffer | undefined = Buffer.alloc(0);
  let encoding: TextEncoding | undefined;
  let decoder: Decoder | undefined;
  let carry: Buffer = Buffer.alloc(0);
  let hasUtf8Beyond = false;
  let lineFeeds = 0;

  const choose = (chosen: TextEncoding) => {
    encoding = chosen;
    // The UTF-8 mark is taken off above; a U+FEFF inside the text is text. Node's TextDecoder reads
    // "windows-1252" as Latin-1 (0x80–0x9F become control characters, not € “ ” ’), so iconv-lite reads it.
    decoder =
      chosen === "windows-1252" ? windows1252Decoder() : new TextDecoder(chosen, { ignoreBOM: chosen === "utf-8" });
    onEncoding(chosen);
  };
  const decodeUtf8 = (bytes: Buffer, isLast: boolean): string => {
    const whole = carry.length ? Buffer.concat([carry, bytes]) : bytes;
    const tail = isLast ? 0 : incompleteTail(whole);
    const unit = tail ? whole.subarray(0, whole.length - tail) : whole;
    carry = tail ? Buffer.from(whole.subarray(whole.length - tail)) : Buffer.alloc(0);
    const bad = firstInvalidUtf8(unit);
    if (bad === -1) {
      if (!hasUtf8Beyond && firstNonAscii(unit) !== -1) hasUtf8Beyond = true;
      lineFeeds += countLineFeeds(unit, unit.length);
      return (decoder as Decoder).decode(unit);
    }
    const firstHigh = firstNonAscii(unit);
    if (hasUtf8Beyond || firstHigh < bad) {
      throw new TextEncodingError(
        lineFeeds + countLineFeeds(unit, bad) + 1,
        "This line is not UTF-8, but earlier lines are: the file mixes two encodings. Save it again as UTF-8.",
      );
    }
    choose("windows-1252");
    carry = Buffer.alloc(0);
    return (decoder as Decoder).decode(whole, { stream: !isLast });
  };
  const decode = (bytes: Buffer, isLast: boolean): string => {
    if (encoding === "utf-8") return decodeUtf8(bytes, isLast);
    return (decoder as Decoder).decode(bytes, { stream: !isLast });
  };
  const start = (bytes: Buffer): Buffer => {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      choose("utf-8");
      return bytes.subarray(3);
    }
    if (bytes[0] === 0xff && bytes[1] === 0xfe) choose("utf-16le");
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) choose("utf-16be");
    else choose(sniffUtf16(bytes) ?? "utf-8");
    return bytes;
  };

  try {
    for await (const data of stream) {
      const chunk = data as Buffer;
      onBytes?.(chunk.length);
      if (head) {
        head = Buffer.concat([head, chunk]);
        if (head.length < SNIFF_BYTES) continue;
        const bytes = start(head);
        head = undefined;
        const text = decode(bytes, false);
        if (text) yield text;
        continue;
      }
      const text = decode(chunk, false);
      if (text) yield text;
    }
    const rest = head ? start(head) : Buffer.alloc(0);
    const text = decode(rest, true);
    if (text) yield text;
  } finally {
    stream.destroy();
  }
}

/** Words for the encoding a file was read in, for the warning that says so. */
export function describeEncoding(encoding: TextEncoding): string {
  return {
    "utf-8": "UTF-8",
    "utf-16le": "UTF-16 (little-endian)",
    "utf-16be": "UTF-16 (big-endian)",
    "windows-1252": "Windows-1252 (Western European)",
  }[encoding];
}
