// Phrase breaks (文節) for short Japanese text — headlines, leads, captions — computed at build
// time with BudouX, the model Chromium's `word-break: auto-phrase` uses. Pages join the chunks
// with <wbr>, so browsers without auto-phrase break at the same places. Never zero-width spaces:
// they would end up in copied text, the title and the search index.
import { loadDefaultJapaneseParser } from 'budoux';

const parser = loadDefaultJapaneseParser();

/** The phrases of `text`, in order; joined they give back `text` exactly. */
export function phraseChunks(text: string): string[] {
  return parser.parse(text);
}

/** True for an interview question: a paragraph that opens with the ―― dash pair. */
export function isQuestion(text: string): boolean {
  return text.startsWith('――');
}
