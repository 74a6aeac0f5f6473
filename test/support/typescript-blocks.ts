import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

// The TypeScript blocks of a markdown file, completed with the jsii-rosetta fixtures in rosetta/ (the
// ones the @example translations use) and type-checked against src/ in one TypeScript program.

const ROOT = path.join(__dirname, "..", "..");
const FIXTURE_DIR = path.join(ROOT, "rosetta");
const PACKAGE_NAME = "cdk-direct-connect-resiliency";

/** A fenced TypeScript block: ```ts or ```typescript, optionally with `fixture=NAME` or `nofixture`. */
export interface TypeScriptBlock {
  /** The markdown file, for messages. */
  readonly file: string;
  /** Line number (1-based) of the opening fence, as jsii-rosetta names README snippets (README-L<line>). */
  readonly line: number;
  /** The fixture file name in rosetta/ (default.ts-fixture unless `fixture=NAME`); none with `nofixture`. */
  readonly fixture?: string;
  readonly code: string;
}

/** A block that does not compile, with the compiler's messages (each with its markdown line). */
export interface BlockFailure {
  readonly block: TypeScriptBlock;
  readonly messages: string[];
}

/**
 * Every ```ts / ```typescript block of a markdown text. The words after the language are jsii-rosetta
 * directives; only `fixture=NAME` and `nofixture` are known: any other word fails, so no block is
 * skipped silently (a block that is not meant to compile takes another fence, such as ```text).
 */
export function typeScriptBlocks(markdown: string, file: string): TypeScriptBlock[] {
  const blocks: TypeScriptBlock[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\S*)\s*(.*)$/.exec(lines[i]);
    if (fence === null) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith("```"));
    if (end < 0) throw new Error(`${file} line ${i + 1}: code block without a closing fence`);
    if (fence[1] === "ts" || fence[1] === "typescript") {
      blocks.push({
        file,
        line: i + 1,
        fixture: fixtureOf(fence[2], file, i + 1),
        code: lines.slice(i + 1, end).join("\n"),
      });
    }
    i = end;
  }
  return blocks;
}

function fixtureOf(directives: string, file: string, line: number): string | undefined {
  let fixture: string | undefined = "default.ts-fixture";
  for (const word of directives.split(/\s+/).filter((w) => w !== "")) {
    const named = /^fixture=([\w-]+)$/.exec(word);
    if (named) {
      fixture = `${named[1]}.ts-fixture`;
    } else if (word === "nofixture") {
      fixture = undefined;
    } else {
      throw new Error(`${file} line ${line}: unknown directive "${word}" (known: fixture=NAME, nofixture)`);
    }
  }
  return fixture;
}

/** The first non-blank line of a block, to name it in messages. */
export function firstLine(block: TypeScriptBlock): string {
  return block.code.split("\n").find((l) => l.trim() !== "") ?? "";
}

/** A block completed like jsii-rosetta does: its imports on top of the fixture, the rest at `/// here`. */
interface CompleteSource {
  readonly text: string;
  /** 0-based line of the completed source where the block's first line is. */
  readonly blockStart: number;
  /** Lines at the top of the completed source that are the block's own imports. */
  readonly importLines: number;
}

function completeSource(block: TypeScriptBlock): CompleteSource {
  if (block.fixture === undefined) return { text: block.code, blockStart: 0, importLines: 0 };
  const fixturePath = path.join(FIXTURE_DIR, block.fixture);
  if (!fs.existsSync(fixturePath)) {
    throw new Error(`${block.file} line ${block.line}: no fixture ${path.relative(ROOT, fixturePath)}`);
  }
  const fixture = fs.readFileSync(fixturePath, "utf8").split("\n");
  const here = fixture.findIndex((l) => l.trim() === "/// here");
  if (here < 0) throw new Error(`${block.fixture} has no "/// here" line`);
  // imports move to the top; their lines stay as blank lines so the block keeps its line numbers
  const parsed = ts.createSourceFile("block.ts", block.code, ts.ScriptTarget.Latest, true);
  const lines = block.code.split("\n");
  const imports: string[] = [];
  for (const statement of parsed.statements.filter(ts.isImportDeclaration)) {
    const first = parsed.getLineAndCharacterOfPosition(statement.getStart()).line;
    const last = parsed.getLineAndCharacterOfPosition(statement.getEnd()).line;
    imports.push(lines.slice(first, last + 1).join("\n"));
    for (let l = first; l <= last; l++) lines[l] = "";
  }
  const head = [...imports, ...fixture.slice(0, here)].join("\n").split("\n");
  const importLines = imports.join("\n").split("\n").length - (imports.length === 0 ? 1 : 0);
  return {
    text: [...head, ...lines, ...fixture.slice(here + 1)].join("\n"),
    blockStart: head.length,
    importLines,
  };
}

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return {
    ...options,
    noEmit: true,
    rootDir: ROOT,
    // fixtures import more than each example uses, and declare a scope class nobody instantiates
    noUnusedLocals: false,
    noUnusedParameters: false,
    types: ["node"],
    // the examples import the package by its name: they compile against the source
    paths: { [PACKAGE_NAME]: [path.join(ROOT, "src", "index.ts")] },
  };
}

/**
 * Type-checks every block in one TypeScript program (the examples against src/, aws-cdk-lib and
 * constructs) and returns the blocks that fail, each message naming its markdown line.
 */
export function compileBlocks(blocks: TypeScriptBlock[]): BlockFailure[] {
  const sources = new Map<string, { block: TypeScriptBlock; source: CompleteSource }>();
  for (const block of blocks) {
    const name = path.join(
      ROOT,
      "test",
      "__blocks__",
      `${block.file.replace(/[\\/]/g, "_")}-L${block.line}.ts`,
    );
    sources.set(name, { block, source: completeSource(block) });
  }
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) => {
    const entry = sources.get(name);
    return entry
      ? ts.createSourceFile(name, entry.source.text, language)
      : getSourceFile(name, language, ...rest);
  };
  host.fileExists = (name) => sources.has(name) || fileExists(name);
  host.readFile = (name) => sources.get(name)?.source.text ?? readFile(name);
  const program = ts.createProgram([...sources.keys()], options, host);
  const failures = new Map<string, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const entry = diagnostic.file ? sources.get(diagnostic.file.fileName) : undefined;
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    if (entry === undefined) {
      // an error outside the examples (src/, a fixture's head): fail with its own location
      throw new Error(`TypeScript error outside the examples: ${describe(diagnostic)} ${text}`);
    }
    const name = diagnostic.file!.fileName;
    failures.set(name, [
      ...(failures.get(name) ?? []),
      `${where(diagnostic, entry.block, entry.source)}: ${text}`,
    ]);
  }
  return [...failures.entries()].map(([name, messages]) => ({ block: sources.get(name)!.block, messages }));
}

/** Where a diagnostic is: a line of the markdown file, the block's imports, or the fixture. */
function where(diagnostic: ts.Diagnostic, block: TypeScriptBlock, source: CompleteSource): string {
  const line = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
  const inBlock = line - source.blockStart;
  if (inBlock >= 0 && inBlock < block.code.split("\n").length) {
    return `${block.file} line ${block.line + 1 + inBlock}`;
  }
  return line < source.importLines ? "an import of the block" : `fixture ${block.fixture}`;
}

function describe(diagnostic: ts.Diagnostic): string {
  if (!diagnostic.file) return "";
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
  return `${path.relative(ROOT, diagnostic.file.fileName)}:${line + 1}`;
}
