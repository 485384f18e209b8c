import { z } from 'zod';

/**
 * Inputs deliver '' for "nothing entered", while the contracts want `null`. This maps a trimmed empty
 * string to null and then validates with the contract's own schema.
 */
export function blankToNull<S extends z.ZodType<string | null | undefined, string | null | undefined>>(schema: S) {
  return z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value))
    .pipe(schema as unknown as z.ZodType<z.output<S>, string | null>);
}
