// A compiled MDX body (an ES module) as the body of a function, so that src/render-body.ts can run
// it without importing it: Node's module loader keeps every module it has imported until the
// thread ends, and at 1,000 documents those modules (their data: URLs, sources and code) were most
// of the cold build's peak memory, growing with every body. A function, once run, is garbage.
//
// es-module-lexer finds the imports and exports (it lexes the module: a string or a comment that
// looks like an import is not one); only the forms the MDX compiler writes are rewritten, and any
// other throws, so a body is never run otherwise than it would run as a module. (esbuild's
// CommonJS output did the same in 2.7 ms a body, against about 0.1 ms here, and its service
// process competed with the build's threads for the cores.)
import { init, parse } from 'es-module-lexer';

/** The module as a function body: `imports` in order of the names to import, its exports returned. */
export interface ModuleFunction {
  /** The specifiers the body imports, in the order the function takes their modules. */
  imports: string[];
  /** A strict function body over `__imports` (the modules of `imports`), returning the exports by name. */
  body: string;
}

export const lexerReady = init;

const NAMED_IMPORT = /^import\s*\{([^}]*)\}\s*from\s*(["'])([^"']+)\2$/;
const BINDING = /^([\w$]+)(?:\s+as\s+([\w$]+))?$/;
const DECLARATION = /^\s+(?:const|let|var|function|class)\s+$/;

/** Why a module cannot be run as a function, as an error. */
const unsupported = (what: string) => new Error(`a compiled body cannot be run as a function: ${what}`);

/** The function form of `code` (call after `lexerReady` has resolved). */
export function moduleAsFunction(code: string): ModuleFunction {
  const [imports, exports] = parse(code);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const specifiers: string[] = [];
  for (const found of imports) {
    // d: -1 for a static import; a dynamic import() or import.meta has no function form here.
    if (found.d !== -1) throw unsupported(`it uses ${code.slice(found.ss, found.se)}`);
    const statement = NAMED_IMPORT.exec(code.slice(found.ss, found.se));
    if (!statement) throw unsupported(`an import of another form: ${code.slice(found.ss, found.se)}`);
    const bindings = statement[1]!
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean)
      .map((b) => {
        const binding = BINDING.exec(b);
        if (!binding) throw unsupported(`an import binding of another form: ${b}`);
        return binding[2] ? `${binding[1]}: ${binding[2]}` : binding[1]!;
      });
    edits.push({ start: found.ss, end: found.se, text: `const {${bindings.join(', ')}} = __imports[${specifiers.length}]` });
    specifiers.push(statement[3]!);
  }
  const returned: string[] = [];
  for (const found of exports) {
    const keyword = code.lastIndexOf('export', found.s);
    const between = keyword < 0 ? '' : code.slice(keyword + 'export'.length, found.s);
    if (
      found.n === 'default' &&
      found.ln &&
      /^\s+$/.test(between) &&
      new RegExp(`^default\\s+function\\s+${found.ln}\\b`).test(code.slice(found.s))
    ) {
      // export default function NAME(…): the declaration stays, without its two keywords.
      edits.push({ start: keyword, end: found.e, text: '' });
    } else if (found.n === found.ln && DECLARATION.test(between)) {
      // export const NAME = …, export function NAME(…): the declaration stays, without "export".
      edits.push({ start: keyword, end: keyword + 'export'.length, text: '' });
    } else throw unsupported(`an export of another form: ${code.slice(Math.max(0, keyword), found.e)}`);
    returned.push(`${JSON.stringify(found.n)}: ${found.ln}`);
  }
  let body = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) body = body.slice(0, edit.start) + edit.text + body.slice(edit.end);
  return { imports: specifiers, body: `'use strict';\n${body}\nreturn { ${returned.join(', ')} };` };
}
