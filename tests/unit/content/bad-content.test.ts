// Bad content never reaches a reader. Part 1 runs the real build (or `astro sync`, which runs the
// same loaders) on broken copies of the real content, one per class of mistake, and checks the
// exit code and the message. Part 2 checks the details of the messages (lines, columns, both
// places of a duplicate) through the build's own reading functions, which is fast.
// The schema's rules are in schema.test.ts, the join's references in story.test.ts, citations
// in citations.test.ts: each case is tested once. (README: "What the build checks".)
import { describe, expect, it, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadStory, realContent } from '../load-content.ts';
import { projectCopy } from '../../project-copy.ts';

const work = mkdtempSync(join(tmpdir(), 'bad-content-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let copies = 0;
/** A copy of the real content folder, edited by `edit`. */
function broken(edit: (dir: string) => void): string {
  const dir = join(work, `content-${++copies}`);
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
/** The line (1-based) of the first occurrence of `needle` in a file of `dir`. */
function lineOf(dir: string, file: string, needle: string): number {
  const text = readFileSync(join(dir, file), 'utf8');
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`test setup: ${needle} not in ${file}`);
  return text.slice(0, at).split('\n').length;
}

// The builds run two at a time, each in a copy of the project of its own: builds in one project
// share Astro's content cache (node_modules/.astro), and one after another they took half a minute.
const projects = [1, 2].map((n) => projectCopy(join(work, `project-${n}`)));
const idle = [...projects];
const waiting: Array<(project: string) => void> = [];
async function inProject<T>(step: (project: string) => Promise<T>): Promise<T> {
  const project = idle.pop() ?? (await new Promise<string>((resolve) => waiting.push(resolve)));
  try {
    return await step(project);
  } finally {
    const next = waiting.shift();
    if (next) next(project);
    else idle.push(project);
  }
}

/** Runs a command of the real build path on a content folder; returns its exit code and output. */
function run(project: string, args: string[], storyDir: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      {
        cwd: project,
        env: { ...process.env, STORY_DIR: storyDir, SITE_URL: '', NO_COLOR: '1', FORCE_COLOR: '0' },
        encoding: 'utf8',
        timeout: 120_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : error.killed ? null : 1) : 0;
        resolve({ status, output: `${stdout}\n${stderr}` });
      },
    );
  });
}
const astroIn = (project: string) => join(project, 'node_modules', 'astro', 'bin', 'astro.mjs');
/** `astro sync` (the same loaders as the build), in a project of its own. */
const sync = (dir: string) => inProject((project) => run(project, [astroIn(project), 'sync'], dir));
/** Two syncs one after another in the same project (its content cache kept between them). */
const syncTwice = (dir: string, between: () => void) =>
  inProject(async (project) => {
    const first = await run(project, [astroIn(project), 'sync'], dir);
    between();
    return [first, await run(project, [astroIn(project), 'sync'], dir)] as const;
  });
const build = (dir: string, outDir: string) =>
  inProject((project) => run(project, [join(project, 'src', 'tools', 'build.ts'), '--outDir', outDir], dir));

function expectFailure(result: { status: number | null; output: string }, ...messages: Array<string | RegExp>): void {
  expect(result.status, result.output).not.toBe(0);
  expect(result.status, 'the command must finish, not time out').not.toBeNull();
  for (const m of messages) expect(result.output).toMatch(m);
}

describe.concurrent('the real build stops on every class of content mistake', { timeout: 120_000 }, () => {
  it('a YAML syntax error, with its line and column', async () => {
    const dir = broken((d) => replace(d, 'events.yaml', '- id: aid-pause\n', '- id: aid-pause\n  title: [unclosed\n'));
    const line = lineOf(dir, 'events.yaml', '  title: [unclosed') + 1;
    expectFailure(await sync(dir), new RegExp(`events\\.yaml:(${line - 1}|${line}|${line + 1}):\\d+: YAML syntax error — `));
  });

  it('a file that is not a list of entries', async () => {
    const dir = broken((d) => writeFileSync(join(d, 'mentions.yaml'), 'id: us-and-europe\nform: 米欧\n'));
    expectFailure(await sync(dir), 'mentions.yaml:1:1: expected a YAML list of entries, each starting with "- id: …" — found a mapping');
  });

  it('a duplicate id appended to events.yaml fails the build and leaves no site behind', async () => {
    const dir = broken((d) => writeFileSync(join(d, 'events.yaml'), readFileSync(join(d, 'events.yaml'), 'utf8') + '\n- id: aid-pause\n  title: 重複\n'));
    const line = lineOf(dir, 'events.yaml', '- id: aid-pause');
    const outDir = join(work, 'dist-duplicate');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'index.html'), 'an earlier build');
    expectFailure(
      await build(dir, outDir),
      new RegExp(`events\\.yaml:\\d+:\\d+: entry "aid-pause", field "id": duplicate id "aid-pause" — already used by the entry on line ${line}`),
      'build failed',
    );
    expect(existsSync(outDir), 'the output folder is removed').toBe(false);
  });

  it('an entry that breaks the schema: file, line, entry, field, value and what is valid', async () => {
    const dir = broken((d) => replace(d, 'events.yaml', /(- id: aid-pause\n(?:.*\n)*? {2}relation:) \w+/, '$1 later'));
    const line = lineOf(dir, 'events.yaml', '  relation: later');
    expectFailure(
      await sync(dir),
      `events.yaml:${line}:13: entry "aid-pause", field "relation" (is "later"): relation "later" is not one of: background, reported, aftermath`,
    );
  });

  it('data cached by an earlier build never stands in for a file that failed to load', async () => {
    const dir = broken(() => {});
    const [first, second] = await syncTwice(dir, () =>
      replace(dir, 'actors.yaml', /(- id: putin\n(?:.*\n)*? {2}type:) person/, '$1 planet'),
    );
    expect(first.status).toBe(0);
    expectFailure(second, /actors\.yaml:\d+:\d+: entry "putin", field "type"/);
  });

  it('frontmatter that breaks the schema, with its line in the .mdx file', async () => {
    const dir = broken((d) => replace(d, 'documents/interview.mdx', 'kind: interview', 'kind: column'));
    const line = lineOf(dir, 'documents/interview.mdx', 'kind: column');
    expectFailure(
      await sync(dir),
      `documents/interview.mdx:${line}:7: entry "interview", field "kind" (is "column"): kind "column" is not one of: analysis, interview, statement`,
    );
  });

  it('an MDX syntax error in a text, with its line and column', async () => {
    const dir = broken((d) => replace(d, 'documents/analysis.mdx', '休憩を挟んで', '休憩を{挟んで'));
    const line = lineOf(dir, 'documents/analysis.mdx', '休憩を{挟んで');
    expectFailure(await sync(dir), new RegExp(`documents/analysis\\.mdx:${line}:\\d+: MDX syntax error — `));
  });

  it('a reference to an actor that does not exist', async () => {
    const dir = broken((d) => replace(d, 'events.yaml', 'actors: [rubio, waltz, witkoff', 'actors: [rubbio, waltz, witkoff'));
    expectFailure(
      await build(dir, join(work, 'dist-reference')),
      'events.yaml: entry "riyadh-us-russia-talks", field "actors": unknown actor id "rubbio" — did you mean "rubio"',
    );
  });

  it('a paragraph inserted before cited ones: the citations would change meaning, so the build stops', async () => {
    const dir = broken((d) =>
      replace(d, 'documents/analysis.mdx', /\n\n(休憩を挟んで)/, '\n\n挿入された段落。\n\n$1'),
    );
    expectFailure(
      await build(dir, join(work, 'dist-citation')),
      /"analysis#p2" no longer holds the text it was cited for/,
      /cited: 休憩を挟んで8時間以上/,
      /now: {3}挿入された段落。/,
      /the cited text is now analysis#p3/,
      'run "npm run citations"',
    );
  });
});

describe('what the messages say', () => {
  function errorOf(edit: (dir: string) => void): string {
    try {
      loadStory(broken(edit));
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('the content should have been rejected');
  }

  it('a missing field points at its entry', () => {
    let line = 0;
    const message = errorOf((d) => {
      replace(d, 'actors.yaml', /(- id: rubio\n(?:.*\n)*?) {2}reading: .*\n/, '$1');
      line = lineOf(d, 'actors.yaml', '- id: rubio');
    });
    expect(message).toBe(`actors.yaml:${line}:3: entry "rubio", field "reading" (is nothing): a reading is required, in kana (e.g. "つるおか みちと" or "トランプ")`);
  });

  it('a duplicate id names the lines of both entries', () => {
    let lines: number[] = [];
    const message = errorOf((d) => {
      replace(d, 'actors.yaml', '- id: putin', '- id: trump');
      const text = readFileSync(join(d, 'actors.yaml'), 'utf8');
      lines = [...text.matchAll(/^- id: trump$/gm)].map((m) => text.slice(0, m.index).split('\n').length);
    });
    expect(message).toBe(`actors.yaml:${lines[1]}:3: entry "trump", field "id": duplicate id "trump" — already used by the entry on line ${lines[0]}; every id in a file must be unique`);
  });

  it('an entry without an id, and an entry that is not a mapping', () => {
    expect(errorOf((d) => replace(d, 'mentions.yaml', /- id: [a-z-]+\n {2}/, '- '))).toMatch(/^mentions\.yaml:\d+:3: entry 1 has no id — add "id: <lower-case ASCII>"/);
    expect(errorOf((d) => writeFileSync(join(d, 'mentions.yaml'), '- 米欧\n'))).toBe(
      'mentions.yaml:1:3: entry 1 is "米欧", not a mapping — write it as "- id: …" followed by its fields',
    );
  });

  it('a missing required file, and an empty content folder', () => {
    expect(errorOf((d) => rmSync(join(d, 'events.yaml')))).toMatch(/^events\.yaml: missing — the content folder .* needs this file/);
    expect(
      errorOf((d) => {
        for (const f of ['story.yaml', 'actors.yaml', 'events.yaml']) writeFileSync(join(d, f), '');
        rmSync(join(d, 'documents'), { recursive: true });
      }),
    ).toMatch(/: the content folder is empty — it needs documents\/\*\.mdx, story\.yaml, actors\.yaml and events\.yaml/);
  });

  it('an unquoted date in frontmatter asks for quotes, with its line', () => {
    let line = 0;
    const message = errorOf((d) => {
      replace(d, 'documents/analysis.mdx', 'date: "2025-03-12"', 'date: 2025-03-12T00:00');
      line = lineOf(d, 'documents/analysis.mdx', 'date: 2025-03-12T00:00');
    });
    expect(message).toMatch(new RegExp(`^documents/analysis\\.mdx:${line}:\\d+: entry "analysis", field "date\\.date" \\(is "2025-03-12T00:00"\\): "2025-03-12T00:00" is not a real date`));
  });
});
