// A compiled body as a function (src/compiled-body.ts): the forms the MDX compiler writes run as
// they would as a module; every other form is refused, never run otherwise.
import { beforeAll, describe, expect, it } from 'vitest';
import { importedModules, lexerReady, moduleAsFunction } from '../../src/compiled-body.ts';

beforeAll(() => lexerReady);

/** Runs `code` as src/render-body.ts does, with `modules` by specifier. */
async function run(code: string, modules: Record<string, object>): Promise<Record<string, unknown>> {
  const { imports, body } = moduleAsFunction(code);
  const loaded = await importedModules(imports, async (specifier) => modules[specifier] ?? {});
  return new Function('__imports', body)(loaded) as Record<string, unknown>;
}

// The shape of every body @astrojs/mdx compiles (optimize: true), shortened.
const compiled = `import {jsx as _jsx, Fragment} from "astro/jsx-runtime";
export const frontmatter = {
  "title": "export default 見出し; import x from \\"y\\""
};
export function getHeadings() {
  return [];
}
function _createMdxContent(props) {
  return _jsx(Fragment, { "set:html": "<p>本文 import {a} from 'b'</p>" });
}
export default function MDXContent(props = {}) {
  return _createMdxContent(props);
}
`;

describe('moduleAsFunction', () => {
  it('runs the MDX compiler output as its module would: the imports given, the exports returned', async () => {
    const jsx = (type: unknown, props: Record<string, unknown>) => ({ type, props });
    const exports = await run(compiled, { 'astro/jsx-runtime': { jsx, Fragment: 'F' } });
    expect(Object.keys(exports)).toEqual(['frontmatter', 'getHeadings', 'default']);
    expect(exports['frontmatter']).toEqual({ title: 'export default 見出し; import x from "y"' });
    expect((exports['getHeadings'] as () => unknown)()).toEqual([]);
    // The text that looks like an import or an export is left as it is: it is in strings.
    expect((exports['default'] as () => unknown)()).toEqual({ type: 'F', props: { 'set:html': "<p>本文 import {a} from 'b'</p>" } });
  });

  it('keeps a module strict', async () => {
    const exports = await run('export default function MDXContent() { undeclared = 1; }\n', {});
    expect(() => (exports['default'] as () => void)()).toThrow(ReferenceError);
  });

  it('gives each import its module, in order, with renamed and default bindings, with or without a semicolon', async () => {
    const code =
      'import {a, default as b} from "one"\nimport {c as d} from "two";\n(0, a)();\nexport const exportedSum = b + d;\nexport default function MDXContent() {}\n';
    const called: string[] = [];
    const exports = await run(code, { one: { a: () => called.push('a'), default: 1 }, two: { c: 2 } });
    expect(called).toEqual(['a']);
    expect(exports['exportedSum']).toBe(3);
  });

  it('refuses a module that imports a name its module lacks, as loading it would fail', async () => {
    await expect(
      run('import {jsx, gone} from "astro/jsx-runtime";\nexport default function MDXContent() {}\n', { 'astro/jsx-runtime': { jsx: 1 } }),
    ).rejects.toThrow('a compiled body cannot be run as a function: it imports gone from astro/jsx-runtime, which does not export it');
  });

  it.each([
    ['a default import', 'import jsx from "astro/jsx-runtime";\nexport default function MDXContent() {}\n', /an import of another form/],
    [
      'a namespace import',
      'import * as runtime from "astro/jsx-runtime";\nexport default function MDXContent() {}\n',
      /an import of another form/,
    ],
    ['an import for its effects', 'import "astro/jsx-runtime";\nexport default function MDXContent() {}\n', /an import of another form/],
    ['a dynamic import', 'export default function MDXContent() { return import("x"); }\n', /it uses import\(/],
    ['import.meta', 'export const url = import.meta.url;\nexport default function MDXContent() {}\n', /it uses import\.meta/],
    ['an export list', 'const a = 1;\nexport { a };\n', /an export of another form/],
    ['a default expression', 'export default () => null;\n', /an export of another form/],
    ['a renamed export', 'function a() {}\nexport { a as default };\n', /an export of another form/],
    ['an exported let', 'export let a = 1;\n', /an export of another form/],
    ['an exported class', 'export class A {}\n', /an export of another form/],
    ['an async function', 'export async function a() {}\n', /an export of another form/],
    ['a default class', 'export default class A {}\n', /an export of another form/],
    ['a comment inside the export', 'export /* here */ const a = 1;\n', /an export of another form/],
  ])('refuses %s', (_, code, message) => {
    expect(() => moduleAsFunction(code)).toThrow(/^a compiled body cannot be run as a function: /);
    expect(() => moduleAsFunction(code)).toThrow(message);
  });
});
