// The content contract: one zod schema per kind of content file. Astro validates every entry of
// `content/` against these (src/content.config.ts); the unit tests validate broken copies.
// Messages are written for editors: they name the rule and show a valid value.
import { z } from 'astro/zod';
import { isRealDate, isRealMonth } from './dates.ts';

/** ASCII ids: they become file names, URLs and anchors. */
export const idSchema = z
  .string({ error: 'an id is required (lower-case ASCII, e.g. "rubio" or "talks-jeddah")' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: (issue) =>
      `"${String(issue.input)}" is not a valid id: use lower-case ASCII letters, digits and single hyphens, e.g. "rubio" or "talks-jeddah"`,
  });

/** Readings in kana only (hiragana, katakana, the long-vowel mark, middle dot and spaces). */
export const readingSchema = z
  .string({ error: 'a reading is required, in kana (e.g. "つるおか みちと" or "トランプ")' })
  .trim()
  .min(1, { error: 'a reading is required, in kana (e.g. "つるおか みちと" or "トランプ")' })
  .regex(/^[\p{Script=Hiragana}\p{Script=Katakana}ー・ 　]+$/u, {
    error: (issue) => `reading "${String(issue.input)}" must be kana only (e.g. "つるおか みちと" or "トランプ")`,
  });

const nonEmpty = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, { error: `${what} must not be empty` });

const quoteDates =
  'write dates as quoted text, e.g. "2025-03-11": an unquoted YAML date is silently changed when it does not exist';

/** A calendar day, "YYYY-MM-DD", that exists. */
export const daySchema = z
  .string({ error: quoteDates })
  .refine(isRealDate, {
    error: (issue) => `"${String(issue.input)}" is not a real date: use "YYYY-MM-DD", e.g. "2025-03-11"`,
  });

/** A day ("YYYY-MM-DD") or a month ("YYYY-MM"). */
export const dayOrMonthSchema = z
  .string({ error: quoteDates })
  .refine((s) => isRealDate(s) || isRealMonth(s), {
    error: (issue) =>
      `"${String(issue.input)}" is not a real date: use "YYYY-MM-DD" (e.g. "2025-03-11") or, for a month, "YYYY-MM"`,
  });

/** How precisely a date is known. */
export const precisionSchema = z.enum(['day', 'month', 'approximate'], {
  error: (issue) => `precision "${String(issue.input)}" is not one of: day, month, approximate`,
});

/**
 * A date as precisely as it is known. `end` makes it a span of days; `note` says what is uncertain.
 * The precision must agree with the date: "month" takes "YYYY-MM", the others "YYYY-MM-DD".
 */
export const datingSchema = z
  .object({
    /** First (or only) day, or the month for precision "month". */
    date: dayOrMonthSchema,
    /** Last day of a span (inclusive), after `date`. */
    end: daySchema.optional(),
    /** day: known to the day; month: only the month; approximate: around this date. */
    precision: precisionSchema,
    /** Local time zone or uncertainty worth telling the reader (Japanese). */
    note: z.string().trim().min(1).optional(),
  })
  .superRefine((d, ctx) => {
    const isMonth = isRealMonth(d.date);
    if (d.precision === 'month' && !isMonth) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: `precision "month" needs a month like "2025-03", not "${d.date}"`,
      });
    }
    if (d.precision !== 'month' && isMonth) {
      ctx.addIssue({
        code: 'custom',
        path: ['precision'],
        message: `"${d.date}" is a month: set precision to "month", or give a day like "${d.date}-11"`,
      });
    }
    if (d.end !== undefined && (isMonth || d.end <= d.date)) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: `end "${d.end}" must be a day after date "${d.date}"`,
      });
    }
  });

/** An external source: where a fact was checked. */
export const sourceSchema = z.object({
  /** Absolute http(s) address. */
  url: z.url({
    protocol: /^https?$/,
    error: (issue) => `source "${String(issue.input)}" is not an http(s) URL, e.g. "https://example.com/page"`,
  }),
  /** Short name of the outlet or document, shown instead of the host name. */
  label: z.string().trim().min(1).optional(),
});

export const documentKinds = ['analysis', 'interview', 'statement'] as const;
export const creditRoles = ['interviewee', 'interviewer', 'author'] as const;

/** Frontmatter of one document in `documents/*.mdx`. */
export const documentSchema = z.object({
  /** Headline (Japanese). The seed's own heading where it has one. */
  title: nonEmpty('title'),
  /** Kicker (肩) shown above the headline. */
  kicker: z.string().trim().min(1).optional(),
  /** Summary for link previews and the lead, at most 120 characters. */
  description: nonEmpty('description').max(120, {
    error: (issue) => `description is ${String(issue.input).length} characters long: keep it to 120 or fewer`,
  }),
  /** What kind of text this is. */
  kind: z.enum(documentKinds, {
    error: (issue) => `kind "${String(issue.input)}" is not one of: ${documentKinds.join(', ')}`,
  }),
  /** Position in the story (1 = first). */
  order: z.number({ error: 'order must be a whole number (1 = first)' }).int().positive(),
  /** Publication date, as precisely as known. */
  date: datingSchema,
  /** A note of ours shown with the text, e.g. what a summary leaves out of the original (Japanese). */
  editorNote: z.string().trim().min(1).optional(),
  /** People credited by the text itself. */
  credits: z
    .array(
      z.object({
        /** interviewee | interviewer | author */
        role: z.enum(creditRoles, {
          error: (issue) => `credit role "${String(issue.input)}" is not one of: ${creditRoles.join(', ')}`,
        }),
        /** Actor id from the actors file. */
        actor: idSchema,
        /** The credit line as the source prints it (name and title). */
        label: nonEmpty('credit label'),
      }),
    )
    .default([]),
});

export const actorTypes = ['person', 'state', 'organisation', 'group'] as const;

/** One actor of the story: a person, state, organisation or group. */
export const actorSchema = z.object({
  /** ASCII id, used in URLs (`actors/<id>.html`) and references. */
  id: idSchema,
  /** Our house spelling (Japanese). */
  name: nonEmpty('name'),
  /** Reading of `name` in kana. */
  reading: readingSchema,
  /** Kana key for 50-on ordering when it differs from `reading` (e.g. family name first). */
  sortKey: readingSchema.optional(),
  /** Name in English. */
  nameEn: z.string().trim().min(1).optional(),
  /** Other spellings used by other outlets (別表記). */
  variants: z.array(z.string().trim().min(1)).default([]),
  /** person | state | organisation | group */
  type: z.enum(actorTypes, {
    error: (issue) => `type "${String(issue.input)}" is not one of: ${actorTypes.join(', ')}`,
  }),
  /** Role as of the story's date (Japanese). */
  role: nonEmpty('role'),
  /** Verified changes after the story's date. */
  later: z
    .array(
      z.object({
        /** When the change happened. */
        dating: datingSchema,
        /** What changed (Japanese). */
        text: nonEmpty('text'),
      }),
    )
    .default([]),
  /** One neutral line about the actor (Japanese). */
  description: nonEmpty('description'),
  /** Exact strings by which the text names this actor alone, longest first. */
  surfaceForms: z.array(z.string().trim().min(1)).default([]),
  /** Actor ids of the members, for groups such as a delegation. */
  members: z.array(idSchema).default([]),
  /** What is uncertain about this actor (Japanese). */
  note: z.string().trim().min(1).optional(),
  /** Where the facts were checked. */
  sources: z.array(sourceSchema).default([]),
});

export const relations = ['background', 'reported', 'aftermath'] as const;

/** A paragraph reference: document id, "#p" and the paragraph's number, e.g. "analysis#p3". */
export const paragraphRefSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*#p[1-9][0-9]*$/, {
  error: (issue) => `"${String(issue.input)}" is not a paragraph reference: use "<document id>#p<number>", e.g. "analysis#p3"`,
});

/** One event of the timeline. */
export const eventSchema = z.object({
  /** ASCII id, used as the event's anchor on the timeline. */
  id: idSchema,
  /** When it happened. */
  dating: datingSchema,
  /** Short title (Japanese). */
  title: nonEmpty('title'),
  /** One neutral line (Japanese). */
  description: nonEmpty('description'),
  /** Actor ids taking part. */
  actors: z.array(idSchema).default([]),
  /** background: before the talks; reported: the talks themselves and what the article reports; aftermath: after the article appeared. */
  relation: z.enum(relations, {
    error: (issue) => `relation "${String(issue.input)}" is not one of: ${relations.join(', ')}`,
  }),
  /** Shown among the key dates on the home page. */
  key: z.boolean().default(false),
  /** Article paragraphs that mention the event. */
  paragraphs: z.array(paragraphRefSchema).default([]),
  /** high or medium, as the fact sheet rates it. */
  confidence: z.enum(['high', 'medium'], {
    error: (issue) => `confidence "${String(issue.input)}" is not one of: high, medium (low facts are left out)`,
  }),
  /** What the reader should weigh: figures that differ by source, one side's claim, reported contents (Japanese). */
  note: z.string().trim().min(1).optional(),
  /** Where the fact was checked. */
  sources: z.array(sourceSchema).min(1, { error: 'an event needs at least one source' }),
});

/**
 * A form of the text that names several actors at once ("両国"), or that contains an actor's name
 * without mentioning the actor ("ウクライナ大統領選": an election). Single-actor forms live with the actor.
 */
export const jointMentionSchema = z.object({
  /** ASCII id of the entry. */
  id: idSchema,
  /** The exact string in the text. */
  form: nonEmpty('form'),
  /** Actor ids it names; empty when it is not a mention of anyone. */
  actors: z.array(idSchema),
  /** What the form refers to (Japanese). */
  note: z.string().trim().min(1).optional(),
});

/**
 * The joint statement read against the other documents. With `point`: one point of the statement
 * and the paragraphs that discuss it. Without: something the statement leaves out, with the
 * paragraphs that say so.
 */
export const statementMapSchema = z
  .object({
    /** ASCII id of the entry. */
    id: idSchema,
    /** The topic, in Japanese. */
    label: nonEmpty('label'),
    /** The statement paragraph this entry is about; absent when the statement leaves the topic out. */
    point: paragraphRefSchema.optional(),
    /** Paragraphs of the other documents that discuss the topic. */
    discussedIn: z.array(paragraphRefSchema),
    /** What the reader should know about how the texts treat the topic (Japanese, full sentences). */
    note: z.string().trim().min(1).optional(),
  })
  .refine((e) => e.point !== undefined || e.discussedIn.length > 0, {
    path: ['discussedIn'],
    error: 'a topic the statement leaves out needs at least one paragraph that says so',
  });

/**
 * One cited paragraph and the text it had when it was cited. The file (citations.lock.yaml) is
 * written by `npm run citations`; the build checks every citation against it, so a citation
 * cannot silently come to mean another text when paragraphs are inserted, moved or edited.
 */
export const citationSchema = z.object({
  /** The citation, e.g. "analysis#p3". */
  id: paragraphRefSchema,
  /** The paragraph's plain text when it was cited. */
  text: z.string({ error: 'text is required: the cited paragraph\'s text (run "npm run citations" to write it)' }),
});

/** The story as a whole: site name, home page text, and the date roles are given as of. */
export const storySchema = z.object({
  /** Always "story": the file holds one entry. */
  id: z.literal('story', { error: 'the story file holds one entry with id "story"' }),
  /** Site name, shown in the header and after each page title. */
  siteName: nonEmpty('siteName'),
  /** Kicker above the home headline. */
  kicker: z.string().trim().min(1).optional(),
  /** Home page headline. */
  title: nonEmpty('title'),
  /** Home page lead (Japanese, ours). */
  lead: nonEmpty('lead'),
  /** Home page description for link previews, at most 120 characters. */
  description: nonEmpty('description').max(120),
  /** Roles in the glossary are given as of this day. */
  asOf: daySchema,
  /** The last day the sources of the statement tracker reach (確認日); required with a tracker. */
  checkedOn: daySchema.optional(),
  /** What a reader should know about how far the tracker's sources go (Japanese, full sentences). */
  trackerNote: z.string().trim().min(1).optional(),
  /** Note on time zones shown with the timeline (Japanese). */
  timezoneNote: z.string().trim().min(1).optional(),
  /** Actor ids featured on the home page, in order. */
  featuredActors: z.array(idSchema).default([]),
  /**
   * The sides of the story, top to bottom: the lanes of the timeline chart. An event stands in the
   * lane of the first side that has one of its actors (in this order).
   */
  sides: z
    .array(z.object({ id: idSchema, label: nonEmpty('label'), actors: z.array(idSchema).min(1) }))
    .default([]),
});

/** The statuses of a tracked statement point, judged on results, not effort (labels: src/lib/tracker-status.ts). */
export const trackerStatuses = ['done', 'partial', 'not-done', 'stalled', 'in-progress', 'not-rated'] as const;

/** One change of a tracked point's status. */
export const statusChangeSchema = z.object({
  /** The day of the change (判定日 when it is the last). */
  date: daySchema,
  /** The status from this day on. */
  status: z.enum(trackerStatuses, {
    error: (issue) => `status "${String(issue.input)}" is not one of: ${trackerStatuses.join(', ')}`,
  }),
  /** Why, in one line (Japanese, ours). */
  reason: nonEmpty('reason'),
  /** Event ids that justify the change. */
  events: z.array(idSchema).min(1, { error: 'a status change needs at least one event that justifies it' }),
});

/** What became of one point of the statement (tracker.yaml). */
export const trackerEntrySchema = z.object({
  /** ASCII id: the page tracker/<id>.html. */
  id: idSchema,
  /** The statement paragraph this entry follows, e.g. "statement#p3". */
  point: paragraphRefSchema,
  /** The page headline, a reader's question (Japanese). */
  question: nonEmpty('question'),
  /** Short name of the point (Japanese). */
  label: nonEmpty('label'),
  /** One line for the overview (Japanese). */
  oneLine: nonEmpty('oneLine'),
  /** Two or three neutral sentences (Japanese, ours); every claim backed by `summaryEvents`. */
  summary: nonEmpty('summary'),
  /** Events that back the summary. */
  summaryEvents: z.array(idSchema).min(1, { error: 'the summary needs at least one event that backs it' }),
  /** The status over time, oldest first; the last entry is the current status. */
  history: z.array(statusChangeSchema).min(1, { error: 'the history needs at least one status' }),
  /** Every event bearing on the point's status. */
  events: z.array(idSchema).default([]),
  /**
   * Events after a final rating that do not bear on it (e.g. how an agreement that was concluded
   * is carried out), shown apart from the evidence as 「判定後の関連する動き」.
   */
  related: z.array(idSchema).default([]),
});

/** A sentence of the article that looks ahead, set beside what happened (expectations.yaml). */
export const expectationSchema = z.object({
  id: idSchema,
  /** The paragraph it stands in. */
  paragraph: paragraphRefSchema,
  /** The sentence, exactly as the paragraph has it (without 「」). */
  quote: nonEmpty('quote'),
  /** Tracker entry ids it concerns. */
  points: z.array(idSchema).min(1, { error: 'an expectation concerns at least one tracked point' }),
  /** Events showing what became of it, shown beside it without a verdict. */
  outcome: z.array(idSchema).default([]),
});

/** A correction or update of the site (corrections.yaml). */
export const correctionSchema = z.object({
  id: idSchema,
  /** The day it was made. */
  date: daySchema,
  /** The route of the page it concerns, e.g. "actors/zelensky.html". */
  page: z.string().regex(/^[a-z0-9/_-]+\.html$/, {
    error: (issue) => `page "${String(issue.input)}" is not a page route: write it like "actors/zelensky.html" or "timeline.html"`,
  }),
  /** What changed (Japanese, one sentence). */
  summary: nonEmpty('summary'),
  /** Why (Japanese, one sentence). */
  reason: nonEmpty('reason'),
});

/** A page of ours in content/pages/*.mdx (このサイトについて). */
export const pageSchema = z.object({
  title: nonEmpty('title'),
  description: nonEmpty('description').max(120, {
    error: (issue) => `description is ${String(issue.input).length} characters long: keep it to 120 or fewer`,
  }),
});

export type DocumentData = z.infer<typeof documentSchema>;
export type TrackerStatus = (typeof trackerStatuses)[number];
export type TrackerEntry = z.infer<typeof trackerEntrySchema>;
export type StatusChange = z.infer<typeof statusChangeSchema>;
export type Expectation = z.infer<typeof expectationSchema>;
export type Correction = z.infer<typeof correctionSchema>;
export type PageData = z.infer<typeof pageSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type StoryEvent = z.infer<typeof eventSchema>;
export type Story = z.infer<typeof storySchema>;
export type Dating = z.infer<typeof datingSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type JointMention = z.infer<typeof jointMentionSchema>;
export type StatementMapEntry = z.infer<typeof statementMapSchema>;
export type Citation = z.infer<typeof citationSchema>;
