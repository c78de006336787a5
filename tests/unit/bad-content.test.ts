// Broken copies of the REAL content, each run through the same schemas and joins as the build:
// every mistake must stop it with a message naming the file, the entry, the field, the bad value
// and what would be valid. (README: "What the build checks".)
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadStory, realContent } from './load-content.ts';

function broken(edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'bad-content-'));
  cpSync(realContent, dir, { recursive: true });
  edit(dir);
  return dir;
}
function replace(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`test setup: ${String(from)} not found in ${file}`);
  writeFileSync(path, next);
}
function expectError(edit: (dir: string) => void, ...messages: Array<string | RegExp>): void {
  const dir = broken(edit);
  try {
    let error: unknown;
    try {
      loadStory(dir);
    } catch (e) {
      error = e;
    }
    expect(error, 'the content should have been rejected').toBeInstanceOf(Error);
    for (const m of messages) expect((error as Error).message).toMatch(m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('bad content stops the build with a message that says what to fix', () => {
  it('1. a missing title', () =>
    expectError((d) => replace(d, 'documents/analysis.mdx', /^title: .*\n/m, ''), 'documents/analysis.mdx', 'entry "analysis"', '**title**: title is required'));

  it('2. an empty title', () =>
    expectError((d) => replace(d, 'documents/statement.mdx', /^title: .*$/m, 'title: ""'), 'documents/statement.mdx', '**title**: title must not be empty'));

  it('3. an unknown kind', () =>
    expectError(
      (d) => replace(d, 'documents/interview.mdx', 'kind: interview', 'kind: column'),
      'documents/interview.mdx',
      'kind "column" is not one of: analysis, interview, statement',
    ));

  it('4. a malformed date', () =>
    expectError(
      (d) => replace(d, 'documents/analysis.mdx', 'date: "2025-03-12"', 'date: "12 March 2025"'),
      '**date.date**: "12 March 2025" is not a real date: use "YYYY-MM-DD"',
    ));

  it('5. an impossible date', () =>
    expectError(
      (d) => replace(d, 'events.yaml', 'date: "2025-02-28"', 'date: "2025-02-30"'),
      'events.yaml',
      'entry "oval-office-clash"',
      '"2025-02-30" is not a real date',
    ));

  it('6. a precision that contradicts the date', () =>
    expectError(
      (d) => replace(d, 'events.yaml', /(- id: jeddah-talks\n  dating:\n    date: "2025-03-11"\n    precision:) day/, '$1 month'),
      'events.yaml: entry "jeddah-talks"',
      '**dating.date**: precision "month" needs a month like "2025-03", not "2025-03-11"',
    ));

  it('7. an unquoted YAML date in frontmatter', () =>
    expectError(
      (d) => replace(d, 'documents/analysis.mdx', 'date: "2025-03-12"', 'date: 2025-03-12'),
      'documents/analysis.mdx',
      '**date.date**: write dates as quoted text',
    ));

  it('8. a duplicate actor id', () =>
    expectError((d) => replace(d, 'actors.yaml', '- id: putin', '- id: trump'), 'actors.yaml: duplicate id "trump" in entries 1 and 2'));

  it('9. a duplicate event id', () =>
    expectError((d) => replace(d, 'events.yaml', '- id: aid-pause', '- id: oval-office-clash'), /events\.yaml: duplicate id "oval-office-clash" in entries \d+ and \d+/));

  it('10. two documents with the same order', () =>
    expectError((d) => replace(d, 'documents/statement.mdx', 'order: 3', 'order: 1'), /field "order": 1 is already used by documents\//));

  it('11. an unknown actor id in an event', () =>
    expectError(
      (d) => replace(d, 'events.yaml', 'actors: [rubio, waltz, witkoff', 'actors: [rubbio, waltz, witkoff'),
      'events.yaml: entry "riyadh-us-russia-talks", field "actors": unknown actor id "rubbio" — did you mean "rubio"',
    ));

  it('12. an unknown actor id in credits', () =>
    expectError(
      (d) => replace(d, 'documents/interview.mdx', 'actor: tsuruoka', 'actor: tsuruoka-michito'),
      'documents/interview.mdx: entry "interview", field "credits.actor": unknown actor id "tsuruoka-michito" — did you mean "tsuruoka"',
    ));

  it('13. an unknown actor id in a joint form', () =>
    expectError(
      (d) => replace(d, 'mentions.yaml', 'actors: [usa, europe]', 'actors: [usa, eu]'),
      'mentions.yaml: entry "us-and-europe", field "actors": unknown actor id "eu"',
    ));

  it('14. a surface form shared by two actors', () =>
    expectError(
      (d) => replace(d, 'actors.yaml', '    - トランプ政権\n', '    - トランプ氏\n'),
      'the form "トランプ氏" is already claimed by actors.yaml: entry "trump"',
    ));

  it('15. a cited paragraph that does not exist', () =>
    expectError(
      (d) => replace(d, 'events.yaml', '"interview#p2"', '"interview#p9"'),
      /events\.yaml: entry "[a-z-]+", field "paragraphs": "interview#p9" does not exist — interview has paragraphs p1 to p5/,
    ));

  it('16. a statement point mapped to a missing paragraph', () =>
    expectError(
      (d) => replace(d, 'statement-map.yaml', 'point: statement#p7', 'point: statement#p8'),
      'statement-map.yaml: entry "minerals", field "point": "statement#p8" does not exist — statement has paragraphs p1 to p7',
    ));

  it('17. an MDX syntax error, with line and column', () =>
    expectError(
      (d) => replace(d, 'documents/analysis.mdx', '休憩を挟んで', '休憩を{挟んで'),
      /^documents\/analysis\.mdx:16:\d+: MDX syntax error — /,
    ));

  it('18. an id that is not ASCII', () =>
    expectError(
      (d) => replace(d, 'actors.yaml', '- id: rubio', '- id: ルビオ'),
      'actors.yaml: entry "ルビオ"',
      '"ルビオ" is not a valid id: use lower-case ASCII letters, digits and single hyphens',
    ));

  it('19. an actor with no reading', () =>
    expectError(
      (d) => replace(d, 'actors.yaml', /(- id: rubio\n(?:.*\n)*?)  reading: .*\n/, '$1'),
      'actors.yaml: entry "rubio"',
      '**reading**: a reading is required, in kana',
    ));

  it('20. an external source that is not a URL', () =>
    expectError(
      (d) => replace(d, 'events.yaml', /url: "?https:\/\/kyivindependent\.com\/zelensky-legitimacy\/"?/, 'url: kyivindependent.com/zelensky-legitimacy'),
      'source "kyivindependent.com/zelensky-legitimacy" is not an http(s) URL',
    ));

  it('22. an empty content folder', () =>
    expectError((d) => {
      rmSync(d, { recursive: true });
      mkdirSync(join(d, 'documents'), { recursive: true });
    }, /: the content folder is empty — it needs documents\/\*\.mdx, story\.yaml, actors\.yaml and events\.yaml/));

  it('21. an empty documents folder', () =>
    expectError((d) => {
      rmSync(join(d, 'documents'), { recursive: true });
      mkdirSync(join(d, 'documents'));
    }, 'documents/: no documents found — add at least one .mdx file to the documents folder'));
});
