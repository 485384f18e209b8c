import type { LetterRenderer } from './letter-delivery.service';
import { letterPdfFor } from './letter-render';

/**
 * The renderer the sending step uses: the letters module's PDF of the letter as it stands in the
 * transaction (translation + German original), dated the day of sending.
 */
export const renderLetterForSending: LetterRenderer = (tx, letterId, now) => letterPdfFor(tx, letterId, now);
