// Finding actor mentions in the text. The rules come from the content: each actor's surface forms
// and the joint forms (several actors at once, or none). All forms are compiled into ONE regular
// expression, longest first, so a text is scanned once whatever the number of actors, and at each
// position the longest form wins (「トランプ米大統領」 before 「トランプ」, 「米国議会」 before 「米国」).
// A form with no actors (「ウクライナ大統領選」) is matched and skipped, so the name inside it is not
// counted either. Bare 「米」 is never a form, so it never matches.
import type { Actor, JointMention } from '../content/schema.ts';
import { ContentError } from '../content/references.ts';

export interface MentionRule {
  /** The exact string in the text. */
  form: string;
  /** Actor ids it names; empty for a form that is not a mention. */
  actors: readonly string[];
  /** Where the rule was written, for messages ("actors.yaml: entry \"trump\""). */
  origin: string;
}

export interface Mention {
  /** UTF-16 offsets into the scanned text. */
  start: number;
  end: number;
  form: string;
  actors: readonly string[];
}

/** The rules of a story; throws when two entries claim the same form. */
export function mentionRules(
  actors: readonly Actor[],
  joints: readonly JointMention[],
  files: { actors: string; mentions: string },
): MentionRule[] {
  const rules = [
    ...actors.flatMap((a) => a.surfaceForms.map((form) => ({ form, actors: [a.id], origin: `${files.actors}: entry "${a.id}"` }))),
    ...joints.map((j) => ({ form: j.form, actors: j.actors, origin: `${files.mentions}: entry "${j.id}"` })),
  ];
  const byForm = new Map<string, MentionRule>();
  for (const rule of rules) {
    const other = byForm.get(rule.form);
    if (other) {
      throw new ContentError(
        `${rule.origin}: the form "${rule.form}" is already claimed by ${other.origin} — a form can name only one entry; for a form naming several actors, list them in one entry of ${files.mentions}`,
      );
    }
    byForm.set(rule.form, rule);
  }
  return rules;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds the mentions in a text; `pattern` and `actorsOf` let a tree walker use the same rules. */
export interface Matcher {
  (text: string): Mention[];
  /** The one expression of every form, longest first (global). */
  readonly pattern: RegExp;
  /** The actors a matched form names; empty for a form that is not a mention. */
  actorsOf(form: string): readonly string[];
}

/** One pass over a text: the mentions in order, longest form first at each position. */
export function createMatcher(rules: readonly MentionRule[]): Matcher {
  const byForm = new Map(rules.map((r) => [r.form, r]));
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  // With no rules, an expression that never matches.
  const pattern = forms.length > 0 ? new RegExp(forms.map(escape).join('|'), 'gu') : /(?!)/gu;
  const actorsOf = (form: string): readonly string[] => byForm.get(form)?.actors ?? [];
  const match = (text: string): Mention[] => {
    const found: Mention[] = [];
    for (const m of text.matchAll(pattern)) {
      const actors = actorsOf(m[0]);
      if (actors.length === 0) continue;
      found.push({ start: m.index, end: m.index + m[0].length, form: m[0], actors });
    }
    return found;
  };
  return Object.assign(match, { pattern, actorsOf });
}

/** Forms that never occur in `texts`: worth a warning (a typo, or text that changed), not an error. */
export function unusedForms(rules: readonly MentionRule[], texts: readonly string[]): MentionRule[] {
  const all = texts.join('\n');
  return rules.filter((r) => !all.includes(r.form));
}
