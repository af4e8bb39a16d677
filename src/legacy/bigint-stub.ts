// IE11 has no BigInt, and it cannot be polyfilled (it is a primitive type). zod calls BigInt("…") when it loads, to
// build the int64/uint64 ranges of z.int64()/z.uint64(), which would stop the pane before it starts. Our schemas use no
// bigint, so a BigInt that returns a Number lets zod load; nothing of ours ever receives one. Imported before zod.
const g = (typeof window !== "undefined" ? window : self) as unknown as { BigInt?: (v: unknown) => number };
if (typeof g.BigInt !== "function") g.BigInt = (v: unknown) => Number(v);
