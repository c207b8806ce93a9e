#!/usr/bin/env node
// Counts type assertions (`x as T`, `<T>x`) in the server's source, tests left out; `as const` is
// not an assertion of a type and does not count. `--list` prints each one; `--max N` fails above N.
//   node scripts/count-assertions.mjs [--list] [--max N] [folder…]
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const args = process.argv.slice(2);
const list = args.includes("--list");
const maxAt = args.indexOf("--max");
const max = maxAt >= 0 ? Number(args[maxAt + 1]) : undefined;
const roots = args.filter((a, i) => !a.startsWith("--") && i !== maxAt + 1);
const root = path.resolve(import.meta.dirname, "..");

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "__fixtures__" ? [] : files(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

let total = 0;
const perFile = new Map();
for (const file of (roots.length ? roots : ["server"]).flatMap((r) => files(path.join(root, r)))) {
  const text = fs.readFileSync(file, "utf8");
  const src = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const visit = (node) => {
    const isAs = ts.isAsExpression(node) || ts.isTypeAssertionExpression(node);
    const isConst = isAs && ts.isTypeReferenceNode(node.type) && node.type.typeName.getText(src) === "const";
    // `x as unknown as T` is one assertion, written in two steps.
    const chained = isAs && node.parent && ts.isAsExpression(node.parent) && node.parent.expression === node;
    if (isAs && !isConst && !chained) {
      total++;
      const rel = path.relative(root, file);
      perFile.set(rel, (perFile.get(rel) ?? 0) + 1);
      if (list) {
        const { line } = src.getLineAndCharacterOfPosition(node.getStart(src));
        console.log(`${rel}:${line + 1}: ${node.getText(src).replace(/\s+/g, " ").slice(0, 100)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
}
const top = [...perFile].sort((a, b) => b[1] - a[1]).slice(0, 10);
console.log(`type assertions: ${total} (most: ${top.map(([f, n]) => `${f} ${n}`).join(", ")})`);
if (max !== undefined && total > max) {
  console.error(`more than ${max} type assertions`);
  process.exit(1);
}
