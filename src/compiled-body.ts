// A compiled MDX body (an ES module) as the body of a function, so that src/render-body.ts can run
// it without importing it: Node's module loader keeps every module it has imported until the
// thread ends, and at 1,000 documents those modules (their data: URLs, sources and code) were most
// of the cold build's peak memory, growing with every body. A function, once run, is garbage.
//
// es-module-lexer finds the imports and exports (it lexes the module: a string or a comment that
// looks like an import is not one); only the forms the MDX compiler writes are rewritten (named
// imports; export const, export function, export default function), any other throws, and the
// runner checks that every imported name exists, as loading the module would. (esbuild's
// CommonJS output did the same in 2.7 ms a body, against about 0.1 ms here, and its service
// process competed with the build's threads for the cores.)
import { init, parse } from 'es-module-lexer';

/** The module as a function body: what it imports, its exports returned. */
export interface ModuleFunction {
  /** The modules the body imports and the names it takes from each, in the order the function takes the modules. */
  imports: Array<{ specifier: string; names: string[] }>;
  /** A strict function body over `__imports` (the modules of `imports`), returning the exports by name. */
  body: string;
}

export const lexerReady = init;

const NAMED_IMPORT = /^import\s*\{([^}]*)\}\s*from\s*(["'])([^"']+)\2$/;
const BINDING = /^([\w$]+)(?:\s+as\s+([\w$]+))?$/;
const DECLARATION = /^\s+(?:const|function)\s+$/;

/** Why a module cannot be run as a function, as an error. */
const unsupported = (what: string) => new Error(`a compiled body cannot be run as a function: ${what}`);

/** The function form of `code` (call after `lexerReady` has resolved). */
export function moduleAsFunction(code: string): ModuleFunction {
  const [imports, exports] = parse(code);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const specifiers: ModuleFunction['imports'] = [];
  for (const found of imports) {
    // d: -1 for a static import; a dynamic import() or import.meta has no function form here.
    if (found.d !== -1 || !found.n) throw unsupported(`it uses ${code.slice(found.ss, found.se)}`);
    const statement = NAMED_IMPORT.exec(code.slice(found.ss, found.se));
    if (!statement) throw unsupported(`an import of another form: ${code.slice(found.ss, found.se)}`);
    const bindings = statement[1]!
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean)
      .map((b) => {
        const binding = BINDING.exec(b);
        if (!binding) throw unsupported(`an import binding of another form: ${b}`);
        return { name: binding[1]!, local: binding[2] ?? binding[1]! };
      });
    const destructured = bindings.map(({ name, local }) => (name === local ? name : `${name}: ${local}`));
    // Its own statement, whether or not the import ended with a semicolon.
    edits.push({ start: found.ss, end: found.se, text: `const {${destructured.join(', ')}} = __imports[${specifiers.length}];` });
    specifiers.push({ specifier: found.n, names: bindings.map(({ name }) => name) });
  }
  const returned: string[] = [];
  for (const found of exports) {
    // ss: where the export statement starts (its "export" keyword).
    const statement = code.slice(found.ss, found.e);
    const local = found.ln ?? '';
    if (
      found.n === 'default' &&
      /^export\s+default$/.test(statement) &&
      code.slice(found.e).match(/^\s+function\s+([\w$]+)/)?.[1] === local
    ) {
      // export default function NAME(…): the declaration stays, without its two keywords.
      edits.push({ start: found.ss, end: found.e, text: '' });
    } else if (found.n === local && /^export/.test(statement) && DECLARATION.test(statement.slice('export'.length, found.s - found.ss))) {
      // export const NAME = …, export function NAME(…): the declaration stays, without "export".
      edits.push({ start: found.ss, end: found.ss + 'export'.length, text: '' });
    } else throw unsupported(`an export of another form: ${statement}`);
    returned.push(`${JSON.stringify(found.n)}: ${local}`);
  }
  let body = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) body = body.slice(0, edit.start) + edit.text + body.slice(edit.end);
  return { imports: specifiers, body: `'use strict';\n${body}\nreturn { ${returned.join(', ')} };` };
}

/**
 * The modules of `imports`, by `load`, in the function's order; throws when one lacks a name the
 * body takes from it, as loading the body as a module would.
 */
export async function importedModules(imports: ModuleFunction['imports'], load: (specifier: string) => Promise<object>): Promise<object[]> {
  return Promise.all(
    imports.map(async ({ specifier, names }) => {
      const module = await load(specifier);
      const absent = names.filter((name) => !(name in module));
      if (absent.length)
        throw unsupported(`it imports ${absent.join(', ')} from ${specifier}, which does not export ${absent.length > 1 ? 'them' : 'it'}`);
      return module;
    }),
  );
}
