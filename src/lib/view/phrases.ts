// Phrase breaks (文節) for short Japanese text — headlines, leads, captions — computed at build
// time with BudouX, the model Chromium's `word-break: auto-phrase` uses. Pages join the chunks
// with <wbr>, so browsers without auto-phrase break at the same places. Never zero-width spaces:
// they would end up in copied text, the title and the search index.
import { loadDefaultJapaneseParser } from 'budoux';

const parser = loadDefaultJapaneseParser();

/**
 * Text cut into phrases (文節) where a line may break: BudouX chunks, further cut after each run
 * of white space (BudouX keeps 「米ウクライナ 関係修復の」 together; a headline's space is its
 * strongest break), with the white space kept at the end of the phrase before it. Joined, the
 * phrases give back the text exactly: no characters are added (no U+200B) or lost.
 */
export function phraseChunks(title: string): string[] {
  const breaks = new Set<number>();
  let pos = 0;
  for (const chunk of parser.parse(title)) {
    pos += chunk.length;
    breaks.add(pos);
  }
  // Move any break that falls before or inside a run of white space to its end.
  for (const m of title.matchAll(/\s+/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    for (let i = start; i < end; i++) breaks.delete(i);
    if (start > 0) breaks.add(end);
  }
  breaks.delete(0);
  breaks.add(title.length);
  const out: string[] = [];
  let from = 0;
  for (const b of [...breaks].sort((a, c) => a - c)) {
    if (b > from) out.push(title.slice(from, b));
    from = b;
  }
  return out;
}

/** True for an interview question: a paragraph that opens with the ―― dash pair. */
export function isQuestion(text: string): boolean {
  return text.startsWith('――');
}
