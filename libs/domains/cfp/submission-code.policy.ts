/** Crockford's base 32: no I, L, O or U, so a code read out over the phone cannot be misheard. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A bijection on [0, 2^bits): xor-shifts and odd multiplications, each invertible. Consecutive numbers get
 * unrelated-looking codes (a code does not reveal how many proposals came before), yet two numbers never share one.
 */
function scramble(n: number, bits: number): number {
  const mask = 2 ** bits;
  let x = n;
  x = (x ^ Math.floor(x / 2 ** Math.ceil(bits / 2))) % mask;
  x = (x * 0x2c1b3) % mask;
  x = (x ^ Math.floor(x / 2 ** 7)) % mask;
  x = (x * 0x4a39b) % mask;
  x = (x ^ Math.floor(x / 2 ** Math.ceil(bits / 2))) % mask;
  return x;
}

/** `KCC19-7F3K`: the event's prefix and the n-th number of the event, four characters up to 2^20 numbers. */
export function submissionCode(prefix: string, n: number): string {
  let length = 4;
  while (n >= 2 ** (5 * length)) length += 1;
  let value = scramble(n, 5 * length);
  let suffix = '';
  for (let i = 0; i < length; i += 1) {
    suffix = CODE_ALPHABET[value % 32] + suffix;
    value = Math.floor(value / 32);
  }
  return `${prefix}-${suffix}`;
}
