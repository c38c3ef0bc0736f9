// One way to turn anything thrown into the sentence a user reads.

/** The message of an Error, or the thrown value as text. */
export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));
