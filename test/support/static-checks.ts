// Static security checks over the main process's TypeScript, with the
// compiler API (parse only: no type-check needed, no Electron loaded). Each
// check takes a file name and its source text, so the tests can feed both the
// real files and small bad snippets that prove the check catches them.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly text: string;
}

export function parse(file: string, source: string): ts.SourceFile {
  return ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function finding(sf: ts.SourceFile, node: ts.Node, rule: string): Finding {
  const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return { file: sf.fileName, line: line + 1, rule, text: node.getText(sf).slice(0, 120) };
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** `foo`, `'foo'`, `"foo"` and `['foo']` as a property name; undefined when computed otherwise. */
function nameText(name: ts.PropertyName | ts.Expression): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isPrivateIdentifier(name))
    return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression))
    return name.expression.text;
  return undefined;
}

// ---------------------------------------------------------------- files

/** Repository-relative paths of the TypeScript files under `dir`. */
export function tsFiles(dir: string): string[] {
  const absolute = join(ROOT, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute).flatMap((name) => {
    const path = join(absolute, name);
    if (statSync(path).isDirectory()) return tsFiles(join(dir, name));
    return /\.(ts|tsx|mts|cts)$/.test(name) && !name.endsWith('.d.ts') ? [join(dir, name)] : [];
  });
}

export const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

/** The Electron edge: the only files that may import electron. */
export function isEdge(file: string): boolean {
  return (
    file === 'main/index.ts' ||
    file.startsWith('main/electron/') ||
    file.startsWith('main/preload/')
  );
}

// ---------------------------------------------------------------- window options

const MUST_BE_TRUE = new Set(['contextIsolation', 'sandbox', 'webSecurity']);
const MUST_BE_FALSE = new Set([
  'nodeIntegration',
  'nodeIntegrationInWorker',
  'nodeIntegrationInSubFrames',
  'allowRunningInsecureContent',
  'experimentalFeatures',
  'webviewTag',
]);
const FORBIDDEN_OPTIONS = new Set(['enableBlinkFeatures']);
/** webPreferences must say these itself, not rely on defaults or a spread. */
const REQUIRED_IN_WEB_PREFERENCES: ReadonlyMap<string, ts.SyntaxKind> = new Map([
  ['contextIsolation', ts.SyntaxKind.TrueKeyword],
  ['sandbox', ts.SyntaxKind.TrueKeyword],
  ['nodeIntegration', ts.SyntaxKind.FalseKeyword],
]);
/** Chromium switches and calls that switch a protection off for the whole app. */
const WEAKENING_SWITCHES = new Set([
  'no-sandbox',
  'disable-web-security',
  'disable-site-isolation-trials',
  'ignore-certificate-errors',
  'allow-insecure-localhost',
  'allow-running-insecure-content',
  'enable-experimental-web-platform-features',
  'remote-debugging-port',
  'inspect',
]);

function optionFinding(
  sf: ts.SourceFile,
  node: ts.Node,
  name: string,
  value: ts.Expression | undefined,
): Finding | undefined {
  const kind = value?.kind;
  if (MUST_BE_TRUE.has(name) && kind !== ts.SyntaxKind.TrueKeyword) {
    return finding(sf, node, `${name} must be the literal true`);
  }
  if (MUST_BE_FALSE.has(name) && kind !== ts.SyntaxKind.FalseKeyword) {
    return finding(sf, node, `${name} must be the literal false (or left out)`);
  }
  if (FORBIDDEN_OPTIONS.has(name)) return finding(sf, node, `${name} must not be set`);
  return undefined;
}

export function findWeakenedWindowOptions(file: string, source: string): Finding[] {
  const sf = parse(file, source);
  const out: Finding[] = [];
  walk(sf, (node) => {
    if (ts.isPropertyAssignment(node)) {
      const name = nameText(node.name);
      if (name) {
        const bad = optionFinding(sf, node, name, node.initializer);
        if (bad) out.push(bad);
      }
      if (name === 'webPreferences') {
        if (!ts.isObjectLiteralExpression(node.initializer)) {
          out.push(finding(sf, node, 'webPreferences must be an object literal written in place'));
        } else {
          const props = node.initializer.properties;
          if (props.some((p) => ts.isSpreadAssignment(p))) {
            out.push(finding(sf, node, 'webPreferences must not spread another object'));
          }
          for (const [required, literal] of REQUIRED_IN_WEB_PREFERENCES) {
            const prop = props.find((p) => p.name && nameText(p.name) === required);
            if (!prop || !ts.isPropertyAssignment(prop) || prop.initializer.kind !== literal) {
              out.push(finding(sf, node, `webPreferences must set ${required} explicitly`));
            }
          }
        }
      }
    } else if (ts.isShorthandPropertyAssignment(node)) {
      const bad = optionFinding(sf, node, node.name.text, undefined);
      if (bad) out.push(bad);
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      (ts.isPropertyAccessExpression(node.left) || ts.isElementAccessExpression(node.left))
    ) {
      const name = ts.isPropertyAccessExpression(node.left)
        ? node.left.name.text
        : nameText(node.left.argumentExpression);
      if (name) {
        const bad = optionFinding(sf, node, name, node.right);
        if (bad) out.push(bad);
      }
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const first = node.arguments[0];
      if (method === 'disableSandbox')
        out.push(finding(sf, node, 'app.disableSandbox() is not allowed'));
      if (
        (method === 'appendSwitch' || method === 'appendArgument') &&
        first &&
        ts.isStringLiteralLike(first) &&
        WEAKENING_SWITCHES.has(first.text.replace(/^--/, ''))
      ) {
        out.push(finding(sf, node, `the ${first.text} switch weakens every window`));
      }
    }
  });
  return out;
}

// ---------------------------------------------------------------- permissions

/** The one function that may say yes to a permission (main/desktop/permission-policy.ts). */
export const PERMISSION_POLICY = 'grantsPermission';
/** Handlers whose answer grants a web permission; null resets one to Electron's default (grant). */
const PERMISSION_HANDLERS = new Set([
  'setPermissionRequestHandler',
  'setPermissionCheckHandler',
  'setDevicePermissionHandler',
  'setDisplayMediaRequestHandler',
  'setBluetoothPairingHandler',
  'setUSBProtectedClassesHandler',
]);

/** The answers a handler gives: its concise body, or each `return` of its block (not of inner functions). */
function answersOf(fn: ts.ArrowFunction | ts.FunctionExpression): (ts.Expression | undefined)[] {
  if (!ts.isBlock(fn.body)) return [fn.body];
  const out: (ts.Expression | undefined)[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node)) out.push(node.expression);
    node.forEachChild(visit);
  };
  fn.body.forEachChild(visit);
  return out;
}

const isFalse = (e: ts.Expression | undefined): boolean => e?.kind === ts.SyntaxKind.FalseKeyword;
const isPolicyCall = (e: ts.Expression | undefined): boolean =>
  e !== undefined &&
  ts.isCallExpression(e) &&
  ts.isIdentifier(e.expression) &&
  e.expression.text === PERMISSION_POLICY;
const unwrap = (e: ts.Expression | undefined): ts.Expression | undefined =>
  e && ts.isParenthesizedExpression(e) ? unwrap(e.expression) : e;

/**
 * Permissions: every permission handler is a function written in place
 * (never null, which restores Electron's grant-everything default, nor a
 * function from elsewhere). The check handler answers `false` or
 * `grantsPermission(…)`, the request handler calls its callback only with
 * one of those (and hands the callback to nothing), and every other handler
 * (devices, display media, …) answers `false`. So the page gets nothing but
 * what the tested pure policy grants: the clipboard write of the app's own page.
 */
export function findPermissionGrants(file: string, source: string): Finding[] {
  const sf = parse(file, source);
  const out: Finding[] = [];
  walk(sf, (node) => {
    if (!ts.isCallExpression(node)) return;
    const callee = node.expression;
    const method = ts.isPropertyAccessExpression(callee)
      ? callee.name.text
      : ts.isElementAccessExpression(callee)
        ? nameText(callee.argumentExpression)
        : undefined;
    if (!method || !PERMISSION_HANDLERS.has(method)) return;
    const handler = unwrap(node.arguments[0]);
    if (!handler || !(ts.isArrowFunction(handler) || ts.isFunctionExpression(handler))) {
      out.push(finding(sf, node, `${method} takes a function written in place (never null)`));
      return;
    }
    if (method === 'setPermissionRequestHandler') {
      const callback = handler.parameters[2]?.name;
      if (!callback || !ts.isIdentifier(callback)) {
        out.push(finding(sf, node, `${method}: the handler must name its callback`));
        return;
      }
      let calls = 0;
      walk(handler.body, (inner) => {
        if (!ts.isIdentifier(inner) || inner.text !== callback.text) return;
        const call = inner.parent;
        if (ts.isCallExpression(call) && call.expression === inner) {
          calls++;
          const answer = unwrap(call.arguments[0]);
          if (call.arguments.length !== 1 || !(isFalse(answer) || isPolicyCall(answer))) {
            out.push(
              finding(sf, call, `${method}: the callback gets false or ${PERMISSION_POLICY}(…)`),
            );
          }
        } else {
          out.push(finding(sf, inner, `${method}: the callback is only called, never handed on`));
        }
      });
      if (calls === 0) out.push(finding(sf, node, `${method}: the handler must answer`));
      return;
    }
    const allowed =
      method === 'setPermissionCheckHandler' ? 'false or grantsPermission(…)' : 'false';
    for (const answer of answersOf(handler).map(unwrap)) {
      const ok =
        isFalse(answer) || (method === 'setPermissionCheckHandler' && isPolicyCall(answer));
      if (!ok) out.push(finding(sf, answer ?? handler, `${method} answers ${allowed} only`));
    }
  });
  return out;
}

// ---------------------------------------------------------------- guarded calls

/** Where each dangerous call may appear: one function in one file (loadFile: nowhere). */
export const GUARDED_CALLS: Readonly<Record<string, { file: string; fn: string } | null>> = {
  openExternal: { file: 'main/electron/external-links.ts', fn: 'openExternalGuarded' },
  loadURL: { file: 'main/electron/window.ts', fn: 'loadAppShell' },
  loadFile: null,
};

function enclosingFunctionName(node: ts.Node): string | undefined {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if ((ts.isFunctionDeclaration(at) || ts.isMethodDeclaration(at)) && at.name)
      return nameText(at.name);
    if (
      (ts.isArrowFunction(at) || ts.isFunctionExpression(at)) &&
      ts.isVariableDeclaration(at.parent)
    ) {
      return ts.isIdentifier(at.parent.name) ? at.parent.name.text : undefined;
    }
  }
  return undefined;
}

/**
 * Any mention of `openExternal`, `loadURL` or `loadFile` as a member — a call,
 * `.bind`, passing it on, `['openExternal']`, destructuring it — outside the
 * one function allowed to make that call. In files outside the Electron edge
 * `openExternal` is the services' port (AppPorts.openExternal) and is left to
 * the electron-import check; `loadURL`/`loadFile` have no business there.
 */
export function findUnguardedCalls(file: string, source: string): Finding[] {
  const sf = parse(file, source);
  const out: Finding[] = [];
  const names = isEdge(file) ? Object.keys(GUARDED_CALLS) : ['loadURL', 'loadFile'];
  const check = (node: ts.Node, name: string | undefined): void => {
    if (!name || !names.includes(name)) return;
    const allowed = GUARDED_CALLS[name];
    if (allowed && allowed.file === file && enclosingFunctionName(node) === allowed.fn) return;
    out.push(
      finding(
        sf,
        node,
        allowed
          ? `${name} only inside ${allowed.fn}() in ${allowed.file}`
          : `${name} is never used`,
      ),
    );
  };
  walk(sf, (node) => {
    if (ts.isPropertyAccessExpression(node)) check(node, node.name.text);
    else if (ts.isElementAccessExpression(node)) check(node, nameText(node.argumentExpression));
    else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
      // `const { openExternal } = shell` / `const { openExternal: open } = shell`
      check(
        node,
        node.propertyName
          ? nameText(node.propertyName)
          : ts.isIdentifier(node.name)
            ? node.name.text
            : undefined,
      );
    }
  });
  return out;
}

// ---------------------------------------------------------------- electron imports

const ELECTRON_MODULES = new Set([
  'electron',
  'electron/main',
  'electron/renderer',
  'electron/common',
  'electron/utility',
  'electron-store',
]);

export interface ModuleImport {
  readonly specifier: string;
  /** Erased at build time: `import type …` / `export type …`. */
  readonly typeOnly: boolean;
  readonly node: ts.Node;
}

export function moduleImports(sf: ts.SourceFile): ModuleImport[] {
  const out: ModuleImport[] = [];
  walk(sf, (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({
        specifier: node.moduleSpecifier.text,
        typeOnly: node.importClause?.isTypeOnly ?? false,
        node,
      });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      out.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly, node });
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      out.push({
        specifier: node.moduleReference.expression.text,
        typeOnly: node.isTypeOnly,
        node,
      });
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      const first = node.arguments[0];
      if (first && ts.isStringLiteralLike(first))
        out.push({ specifier: first.text, typeOnly: false, node });
      else if (first) out.push({ specifier: '<computed>', typeOnly: false, node });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      out.push({ specifier: node.argument.literal.text, typeOnly: true, node });
    }
  });
  return out;
}

export function isElectronModule(specifier: string): boolean {
  return ELECTRON_MODULES.has(specifier);
}

/** Outside the edge, no import of electron at all — not even of its types. */
export function findElectronImportsOutsideEdge(file: string, source: string): Finding[] {
  if (isEdge(file)) return [];
  const sf = parse(file, source);
  return moduleImports(sf)
    .filter((i) => isElectronModule(i.specifier))
    .map((i) => finding(sf, i.node, `${i.specifier} is imported only by the Electron edge`));
}

/** Whether a file loads electron when it runs (type-only imports are erased). */
export function runtimeElectronImports(file: string, source: string): Finding[] {
  const sf = parse(file, source);
  return moduleImports(sf)
    .filter((i) => !i.typeOnly && isElectronModule(i.specifier))
    .map((i) => finding(sf, i.node, `${i.specifier} is loaded at run time`));
}

function resolveRelative(fromFile: string, specifier: string): string | undefined {
  const base = join(dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(join(ROOT, candidate)) && statSync(join(ROOT, candidate)).isFile())
      return candidate;
  }
  return undefined;
}

const RUNTIME_IMPORTS = new Map<string, ReturnType<typeof moduleImports> | undefined>();

/**
 * Follows the run-time relative imports of `entry` and returns the chain to
 * the first file that loads electron, or undefined. `readSource` lets tests
 * feed a virtual file tree.
 */
export function chainToElectron(
  entry: string,
  readSource?: (file: string) => string | undefined,
  resolveImport: (from: string, specifier: string) => string | undefined = resolveRelative,
): string[] | undefined {
  const seen = new Set<string>();
  const importsOf = (file: string) => {
    // The repository's own files are parsed once per test run: every unit test's chain crosses them.
    if (!readSource && RUNTIME_IMPORTS.has(file)) return RUNTIME_IMPORTS.get(file);
    const source = readSource
      ? readSource(file)
      : existsSync(join(ROOT, file))
        ? read(file)
        : undefined;
    const imports =
      source === undefined
        ? undefined
        : moduleImports(parse(file, source)).filter((i) => !i.typeOnly);
    if (!readSource) RUNTIME_IMPORTS.set(file, imports);
    return imports;
  };
  const visit = (file: string, chain: string[]): string[] | undefined => {
    if (seen.has(file)) return undefined;
    seen.add(file);
    const imports = importsOf(file);
    if (imports === undefined) return undefined;
    if (imports.some((i) => isElectronModule(i.specifier))) return [...chain, file];
    for (const i of imports) {
      if (!i.specifier.startsWith('.')) continue;
      const next = resolveImport(file, i.specifier);
      const found = next && visit(next, [...chain, file]);
      if (found) return found;
    }
    return undefined;
  };
  return visit(entry, []);
}

// ---------------------------------------------------------------- preload

const IPC_RENDERER_CALLS = new Set(['invoke', 'on', 'removeListener']);

/**
 * The preload exposes exactly one thing: `contextBridge.exposeInMainWorld(
 * 'netrex', buildBridge(…))`, the bridge built from the contract. ipcRenderer
 * appears only as the object of `.invoke(…)`, `.on(…)`, `.removeListener(…)`
 * calls — never as a value that could reach the page.
 */
export function findPreloadViolations(file: string, source: string): Finding[] {
  const sf = parse(file, source);
  const out: Finding[] = [];
  const exposures: ts.CallExpression[] = [];
  walk(sf, (node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const method = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isElementAccessExpression(callee)
          ? nameText(callee.argumentExpression)
          : ts.isIdentifier(callee)
            ? callee.text
            : undefined;
      if (method === 'exposeInMainWorld') exposures.push(node);
      if (method === 'exposeInIsolatedWorld' || method === 'executeInMainWorld') {
        out.push(finding(sf, node, `${method} is not used: the page gets window.netrex only`));
      }
    }
    if (ts.isIdentifier(node) && node.text === 'ipcRenderer') {
      const parent = node.parent;
      const isImport = ts.isImportSpecifier(parent);
      const isAllowedCall =
        ts.isPropertyAccessExpression(parent) &&
        parent.expression === node &&
        IPC_RENDERER_CALLS.has(parent.name.text) &&
        ts.isCallExpression(parent.parent) &&
        parent.parent.expression === parent;
      if (!isImport && !isAllowedCall) {
        out.push(
          finding(
            sf,
            parent,
            'ipcRenderer may only be called (invoke/on/removeListener), never handed on',
          ),
        );
      }
    }
  });
  if (file.endsWith('preload/index.ts')) {
    if (exposures.length !== 1) {
      out.push({
        file,
        line: 1,
        rule: `exposeInMainWorld must be called exactly once (found ${exposures.length})`,
        text: '',
      });
    }
  }
  for (const call of exposures) {
    const [key, value, ...extra] = call.arguments;
    if (!key || !ts.isStringLiteralLike(key) || key.text !== 'netrex') {
      out.push(finding(sf, call, "exposeInMainWorld's key must be the literal 'netrex'"));
    }
    if (
      !value ||
      extra.length > 0 ||
      !ts.isCallExpression(value) ||
      !ts.isIdentifier(value.expression) ||
      value.expression.text !== 'buildBridge'
    ) {
      out.push(
        finding(
          sf,
          call,
          'exposeInMainWorld must expose buildBridge(…) (the contract) and nothing else',
        ),
      );
    }
  }
  return out;
}

/** The bridge builder must draw its members from the contract's lists, and touch no Electron. */
export function findBridgeBuilderViolations(file: string, source: string): Finding[] {
  const sf = parse(file, source);
  const out: Finding[] = [];
  const contractNames = new Set<string>();
  for (const i of moduleImports(sf)) {
    if (isElectronModule(i.specifier))
      out.push(finding(sf, i.node, 'the bridge builder imports no Electron'));
    const decl = i.node;
    if (ts.isImportDeclaration(decl) && /\/ipc\/contract$/.test(i.specifier)) {
      const bindings = decl.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings))
        for (const el of bindings.elements) contractNames.add(el.name.text);
    }
  }
  for (const needed of ['BRIDGE_METHODS', 'BRIDGE_EVENTS']) {
    if (!contractNames.has(needed)) {
      out.push({
        file,
        line: 1,
        rule: `the bridge must be built from the contract's ${needed}`,
        text: '',
      });
    }
  }
  walk(sf, (node) => {
    // Members are added only by the loops over the contract lists: no literal member names.
    if (ts.isObjectLiteralExpression(node) && node.properties.length > 0) {
      out.push(
        finding(
          sf,
          node,
          'no object literal with members of its own: members come from the contract',
        ),
      );
    }
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      (ts.isPropertyAccessExpression(node.left) ||
        (ts.isElementAccessExpression(node.left) &&
          ts.isStringLiteralLike(node.left.argumentExpression)))
    ) {
      out.push(
        finding(sf, node, 'no member added by a literal name: members come from the contract'),
      );
    }
  });
  return out;
}

export function relativeToRoot(path: string): string {
  return relative(ROOT, path);
}
