#!/usr/bin/env node
// rivet-check: holds this project's current edition (v2025) against Zoom's own SDK type.
//
// 1. Every JSON body of tests/fixtures/v2025-bodies.jsonl (one object per line) is type-checked, as
//    an object literal, against `UsersUpdateUserRequestBody` of `@zoom/rivet` by the TypeScript
//    compiler (strict, excess-property checks on). Each line goes into the program as its own text
//    (tsc still reads numbers as doubles: the exactness of big integers is the Rust tests' job).
// 2. Negative controls (an unknown member, a wrong enum value, a license item without a required
//    member, a string for a number) must fail that check, or this script fails.
// 3. The request body, query and path parameters of openapi/user-update-2025.json are compared with
//    rivet's `UsersUpdateUserRequestBody`, `UsersUpdateUserQueryParams` and
//    `UsersUpdateUserPathParams` through the compiler API: names, nested members, required-ness,
//    JSON type and the literal-union enum values. Any difference not in KNOWN_DIFFERENCES fails.
//
// Usage: node tools/rivet-check/check.mjs [bodies.jsonl [fragment.json]] (exit 0: all agree, 1: a difference or a
// failed check, 2: a broken input). Zoom's package is read from node_modules, never copied.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const bodiesPath = path.resolve(process.argv[2] ?? path.join(repo, "tests/fixtures/v2025-bodies.jsonl"));
const fragmentPath = path.resolve(process.argv[3] ?? path.join(repo, "openapi/user-update-2025.json"));
const rel = (p) => path.relative(process.cwd(), p) || p;

// Intended differences between the fragment and rivet, each with its reason. An entry that no
// longer matches a difference fails the run too, so the list cannot go stale.
// `where` is as printed: "body /a/*/b", "query x", "path x".
const KNOWN_DIFFERENCES = [];

// Each must be refused by tsc (with one of the listed diagnostic codes).
const CONTROLS = [
  ["an unknown member", `{"first_name": "Ada", "nick": "x"}`, [2353, 2561]],
  ["a wrong enum value (type 3 is gone in 2025)", `{"type": 3}`, [2322]],
  [
    "a license item without its required subscription_id",
    `{"license_info_list": [{"license_option": 2, "license_type": "MEETING"}]}`,
    [2741],
  ],
  ["a string where a number is expected", `{"pmi": "2468135790"}`, [2322]],
];

let failures = 0;
const fail = (message) => {
  failures += 1;
  console.log(`FAIL ${message}`);
};
const die = (message) => {
  console.error(`error: ${message}`);
  process.exit(2);
};

// ---- the program: one virtual module, never written to disk -----------------------------------

const lines = fs.existsSync(bodiesPath)
  ? fs.readFileSync(bodiesPath, "utf8").split("\n")
  : die(`${rel(bodiesPath)}: not found`);
const source = [
  `import type { UsersUpdateUserRequestBody as Body, UsersUpdateUserQueryParams as Query, UsersUpdateUserPathParams as PathParams } from "@zoom/rivet/users";`,
  "export type RivetBody = Body;",
  "export type RivetQuery = Query;",
  "export type RivetPath = PathParams;",
];
const owners = new Map(); // line of the virtual module (0-based) -> what it holds
let bodies = 0;
lines.forEach((text, index) => {
  if (text.trim() === "") return;
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    die(`${rel(bodiesPath)}:${index + 1}: not JSON: ${e.message}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    die(`${rel(bodiesPath)}:${index + 1}: not a JSON object`);
  }
  owners.set(source.length, { kind: "body", line: index + 1 });
  // The JSON text as is: a JSON object is a TypeScript object literal, with the same digits.
  source.push(`export const body${index + 1}: Body = ${text.trim()};`);
  bodies += 1;
});
CONTROLS.forEach(([name, text], index) => {
  owners.set(source.length, { kind: "control", index, name });
  source.push(`export const control${index}: Body = ${text};`);
});

const fileName = path.join(here, "__rivet_check__.ts");
const options = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  skipLibCheck: true,
  types: [],
};
const host = ts.createCompilerHost(options, true);
const text = source.join("\n") + "\n";
const { getSourceFile, fileExists, readFile } = host;
host.getSourceFile = (name, language, ...rest) =>
  path.resolve(name) === fileName
    ? ts.createSourceFile(name, text, language, true)
    : getSourceFile.call(host, name, language, ...rest);
host.fileExists = (name) => path.resolve(name) === fileName || fileExists.call(host, name);
host.readFile = (name) => (path.resolve(name) === fileName ? text : readFile.call(host, name));
const program = ts.createProgram([fileName], options, host);
const sourceFile = program.getSourceFile(fileName);
const checker = program.getTypeChecker();

// ---- 1 and 2: the bodies and the controls -------------------------------------------------------

const message = (d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
const controlErrors = CONTROLS.map(() => []);
for (const d of [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]) {
  const line = d.file ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
  const owner = owners.get(line);
  if (owner?.kind === "body") fail(`${rel(bodiesPath)}:${owner.line}: ${message(d)}`);
  else if (owner?.kind === "control") controlErrors[owner.index].push(d);
  else die(`the check's own module does not compile (is @zoom/rivet installed?): ${message(d)}`);
}
console.log(`bodies: ${bodies} of ${rel(bodiesPath)} checked against UsersUpdateUserRequestBody`);
if (bodies === 0) fail(`${rel(bodiesPath)} holds no body`);
CONTROLS.forEach(([name, , codes], index) => {
  const errors = controlErrors[index];
  if (errors.length === 0) fail(`negative control "${name}" passed the type check: the check cannot fail`);
  else if (!errors.some((d) => codes.includes(d.code)))
    fail(`negative control "${name}" failed for another reason: ${errors.map(message).join("; ")}`);
  else console.log(`control refused as it must be: ${name} (${message(errors[0])})`);
});

// ---- 3: the fragment against rivet's types -------------------------------------------------------

// A shape both sides are reduced to: {type: string|number|boolean|array|object|unknown, values?,
// items?, members?: Map<name, {required, shape}>}. Numbers are compared as IEEE doubles, the way
// TypeScript (and rivet's generator) sees them: rivet's 576460752303423500 is the double of 2^59.
function rivetShape(type) {
  type = checker.getNonNullableType(type);
  const F = ts.TypeFlags;
  if (type.flags & F.Boolean || type.flags & F.BooleanLiteral) return { type: "boolean" };
  if (type.flags & F.String) return { type: "string" };
  if (type.flags & F.Number) return { type: "number" };
  const literals = type.isUnion() ? type.types : [type];
  if (literals.every((t) => t.isStringLiteral()))
    return { type: "string", values: literals.map((t) => t.value) };
  if (literals.every((t) => t.isNumberLiteral()))
    return { type: "number", values: literals.map((t) => t.value) };
  if (checker.isArrayType(type)) return { type: "array", items: rivetShape(checker.getTypeArguments(type)[0]) };
  if (type.flags & F.Object) {
    const members = new Map();
    for (const symbol of checker.getPropertiesOfType(type)) {
      members.set(symbol.name, {
        required: (symbol.flags & ts.SymbolFlags.Optional) === 0,
        shape: rivetShape(checker.getTypeOfSymbol(symbol)),
      });
    }
    return { type: "object", members };
  }
  return { type: `unknown (${checker.typeToString(type)})` };
}

const fragment = JSON.parse(fs.readFileSync(fragmentPath, "utf8"));
const resolve = (node) => {
  for (let hops = 0; node?.$ref && hops < 32; hops += 1) {
    node = node.$ref
      .slice(2)
      .split("/")
      .reduce((at, key) => at?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], fragment);
  }
  return node;
};
function fragmentShape(schema) {
  schema = resolve(schema) ?? {};
  const kind = schema.type === "integer" ? "number" : schema.type;
  const shape = { type: kind ?? "unknown (no type)" };
  if (Array.isArray(schema.enum)) shape.values = schema.enum;
  if (kind === "array") shape.items = fragmentShape(schema.items);
  if (kind === "object") {
    const required = new Set(schema.required ?? []);
    shape.members = new Map(
      Object.entries(schema.properties ?? {}).map(([name, child]) => [
        name,
        { required: required.has(name), shape: fragmentShape(child) },
      ]),
    );
  }
  return shape;
}

const differences = [];
const differ = (where, what) => differences.push({ where: where.trim(), what });
const show = (values) =>
  [...values]
    .sort((a, b) => (typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b))))
    .map((v) => JSON.stringify(v))
    .join(", ");
function compare(where, rivet, frag) {
  if (rivet.type !== frag.type) return differ(where, `rivet: ${rivet.type}, fragment: ${frag.type}`);
  if (rivet.values || frag.values) {
    if (!rivet.values) differ(where, `the fragment has an enum (${show(frag.values)}), rivet accepts any ${rivet.type}`);
    else if (!frag.values) differ(where, `rivet accepts only ${show(rivet.values)}, the fragment has no enum`);
    else {
      // JSON.parse read the fragment's integers as doubles, as rivet's literals are.
      const fragValues = new Set(frag.values);
      if (fragValues.size !== frag.values.length) differ(where, "the fragment's enum has values equal as doubles");
      const missing = rivet.values.filter((v) => !fragValues.has(v));
      const extra = frag.values.filter((v) => !rivet.values.includes(v));
      if (missing.length) differ(where, `rivet allows ${show(missing)}, the fragment's enum does not`);
      if (extra.length) differ(where, `the fragment's enum allows ${show(extra)}, rivet does not`);
    }
  }
  if (rivet.items) compare(`${where}/*`, rivet.items, frag.items);
  if (rivet.members) compareMembers(where, rivet.members, frag.members ?? new Map(), (name) => `${where}/${name}`);
}
function compareMembers(where, rivet, frag, label) {
  for (const [name, r] of rivet) {
    const f = frag.get(name);
    if (!f) {
      differ(label(name), "rivet has this member, the fragment does not");
      continue;
    }
    if (r.required !== f.required)
      differ(label(name), `required in ${r.required ? "rivet" : "the fragment"} only`);
    compare(label(name), r.shape, f.shape);
  }
  for (const name of frag.keys()) {
    if (!rivet.has(name)) differ(label(name), "the fragment has this member, rivet does not");
  }
}

const rivetType = (name) => {
  const alias = sourceFile.statements.find((s) => ts.isTypeAliasDeclaration(s) && s.name.text === name);
  return rivetShape(checker.getTypeAtLocation(alias.name));
};
const operation = fragment.paths?.["/users/{userId}"]?.patch ?? die(`${rel(fragmentPath)}: no PATCH /users/{userId}`);
const body = resolve(operation.requestBody)?.content?.["application/json"]?.schema;
const rivetBody = rivetType("RivetBody");
compare("body ", rivetBody, fragmentShape(body));
const parameters = (operation.parameters ?? []).map(resolve);
for (const [where, alias] of [
  ["query", "RivetQuery"],
  ["path", "RivetPath"],
]) {
  const members = new Map(
    parameters
      .filter((p) => p.in === where)
      .map((p) => [p.name, { required: p.required === true, shape: fragmentShape(p.schema) }]),
  );
  compareMembers(where, rivetType(alias).members, members, (name) => `${where} ${name}`);
}

const counted = (shape) =>
  shape.members ? [...shape.members.values()].reduce((n, m) => n + 1 + counted(m.shape), 0) : shape.items ? counted(shape.items) : 0;
console.log(
  `fragment: ${rel(fragmentPath)} against rivet's UsersUpdateUserRequestBody (${counted(rivetBody)} members, nested included), UsersUpdateUserQueryParams, UsersUpdateUserPathParams`,
);
for (const { where, what } of differences) {
  const known = KNOWN_DIFFERENCES.find((k) => k.where === where);
  if (known) console.log(`known difference ${where}: ${what} (${known.reason})`);
  else fail(`${where}: ${what}`);
}
for (const known of KNOWN_DIFFERENCES) {
  if (!differences.some((d) => d.where === known.where))
    fail(`KNOWN_DIFFERENCES lists ${known.where}, which no longer differs: remove it`);
}

if (failures > 0) {
  console.log(`rivet-check: ${failures} failed`);
  process.exit(1);
}
console.log("rivet-check: the bodies and the fragment agree with @zoom/rivet's types");
