// The editorial reading glossary (content/readings.yaml): readings that win over the tokenizer,
// longest word first. One entry per written form; `name: true` marks a person's name, whose ruby is
// shown by default (grade 8) like the names read from content/actors.yaml.
import { z } from 'astro/zod';

const HIRAGANA_READING = /^[\u3041-\u3096\u30fc ]+$/u;

export const readingEntrySchema = z.object({
  /** ASCII id (lowercase words joined by hyphens). */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'id must be lowercase ASCII words joined by hyphens' }),
  /** The word as the article writes it; it must contain a kanji. */
  word: z
    .string()
    .trim()
    .min(1)
    .refine((w) => /\p{Script=Han}/u.test(w), { message: 'word must contain a kanji (kana need no reading)' }),
  /** Its reading in hiragana; a space may separate family and given name (つるおか みちと). */
  reading: z.string().trim().regex(HIRAGANA_READING, { message: 'reading must be hiragana (ー and spaces allowed)' }),
  /** A person's name: always shown (grade 8). */
  name: z.boolean().default(false),
  note: z.string().trim().min(1).optional(),
});

export const readingsSchema = z.array(readingEntrySchema).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  for (const [i, e] of entries.entries()) {
    for (const key of [`id:${e.id}`, `word:${e.word}`]) {
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `duplicate ${key}` });
      seen.add(key);
    }
  }
});

export type ReadingEntry = z.infer<typeof readingEntrySchema>;
