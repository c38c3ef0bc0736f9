// Files evidence from a tag form (the popup's page, the viewer's document) and says how it went, in the form's words.
import { errorMessage, NoAnswerError } from '@/lib/errors';
import type { RequestOf } from '@/lib/messages';
import { sendRepeatable } from './send';

/** The background stopped twice before confirming: the first save may be stored, and saving again is safe. */
export const SAVE_UNCONFIRMED =
  'NOS Lens stopped before it could confirm this save, so it may or may not be stored. Save again: ' +
  'if it was stored, it is updated, not filed twice.';

/**
 * Saves `evidence`, whose id was made when the form opened: repeating the save after an unanswered one updates the
 * same record. Never throws: the reply is the line to show.
 */
export async function saveTaggedEvidence(
  evidence: RequestOf<'saveEvidence'>['evidence'],
): Promise<{ saved: string } | { error: string }> {
  try {
    await sendRepeatable({ type: 'saveEvidence', evidence });
    const n = evidence.unitIds.length;
    return { saved: `Saved as evidence for ${n} ${n === 1 ? 'unit' : 'units'}.` };
  } catch (e) {
    return { error: e instanceof NoAnswerError ? SAVE_UNCONFIRMED : errorMessage(e) };
  }
}
