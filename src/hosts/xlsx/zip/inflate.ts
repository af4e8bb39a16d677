// Inflates one entry while counting output, so a lying size header cannot make us allocate past a cap.

import { ChitieuError } from "../../../core/errors";
import { Inflate } from "fflate";
import type { Deadline } from "../limits";
import { zipCodec } from "./codec";

// Small input chunks bound how far one push can overshoot the cap (deflate expands at most ~1032:1).
const CHUNK = 16 * 1024;

export class OutputCapExceeded extends Error {
  constructor(readonly produced: number) {
    super("inflated output over the cap");
  }
}

// Below this compressed size one synchronous inflate (the installed codec's, see ./codec.ts) into a buffer of at most the
// declared size is safe: memory stays at the declared, already-checked size and the wasted work is bounded by
// 64 KB x 1032 ~ 66 MB of output. The size/CRC check afterwards catches any mismatch.
const SYNC_MAX_COMPRESSED = 64 * 1024;

/**
 * Inflates at most `cap` bytes. `declared` is the size the zip claims; output of any other size is returned
 * as is (shorter), stops at the cap, or (small parts, longer than declared) is null; the caller's size check rejects it.
 * Throws OutputCapExceeded as soon as streamed output passes `cap` bytes.
 */
export function inflateCapped(compressed: Uint8Array, cap: number, deadline: Deadline, declared = cap): Uint8Array | null {
  if (compressed.length <= SYNC_MAX_COMPRESSED && declared <= cap) {
    try {
      return zipCodec().inflate(compressed, declared);
    } catch (e) {
      throw new InflateFailed(e);
    }
  }
  const chunks: Uint8Array[] = [];
  let produced = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    produced += chunk.length;
    if (produced > cap) throw new OutputCapExceeded(produced);
    if (chunk.length) chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < compressed.length; i += CHUNK) {
      const last = i + CHUNK >= compressed.length;
      inflater.push(compressed.subarray(i, Math.min(i + CHUNK, compressed.length)), last);
      deadline.check();
    }
    if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof OutputCapExceeded || e instanceof ChitieuError) throw e;
    throw new InflateFailed(e);
  }
  if (!ended) throw new InflateFailed(new Error("deflate stream ended early"));
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(produced);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export class InflateFailed extends Error {
  constructor(cause: unknown) {
    super(`invalid deflate data: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
