// executor's tool naming (openapi plugin sdk/definitions.ts, plus deriveOperationId and the blank-tag
// filter of sdk/extract.ts), with the TypeScript types stripped and nothing else changed. Used only
// by generate-fixture.py to produce naming-fixture.json.
//
// stdin:  {"sources":[{"name":..., "operations":[{"method","path","operationId"|null,"tags":[...]}]}]}
// stdout: the same, each operation extended with the derived operationId, group, leaf,
//         versionSegment (null if none), hash and the final toolPath (input order, not sorted).
"use strict";

const deriveOperationId = (method, pathTemplate, operation) =>
  operation.operationId ??
  (`${method}_${pathTemplate.replace(/[^a-zA-Z0-9]+/g, "_")}`.replace(/^_+|_+$/g, "") || `${method}_operation`);

const splitWords = (value) =>
  value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z0-9]+)/g, "$1 $2")
    .replace(/[^a-zA-Z0-9]+/g, " ")
    .trim()
    .split(/\s+/)
    .filter((part) => part.length > 0);
const normalizeWord = (value) => value.toLowerCase();
const toCamelCase = (value) => {
  const words = splitWords(value).map(normalizeWord);
  if (words.length === 0) return "tool";
  const [first, ...rest] = words;
  return `${first}${rest.map((p) => `${p[0]?.toUpperCase() ?? ""}${p.slice(1)}`).join("")}`;
};
const toPascalCase = (value) => {
  const camel = toCamelCase(value);
  return `${camel[0]?.toUpperCase() ?? ""}${camel.slice(1)}`;
};
const VERSION_SEGMENT_REGEX = /^v\d+(?:[._-]\d+)?$/i;
const IGNORED_PATH_SEGMENTS = new Set(["api"]);
const pathSegmentsFromTemplate = (pathTemplate) =>
  pathTemplate.split("/").map((s) => s.trim()).filter((s) => s.length > 0);
const isPathParameterSegment = (segment) => segment.startsWith("{") && segment.endsWith("}");
const normalizeGroupSegment = (value) => {
  const candidate = value?.trim();
  if (!candidate) return null;
  return toCamelCase(candidate);
};
const deriveVersionSegment = (pathTemplate) =>
  pathSegmentsFromTemplate(pathTemplate).map((s) => s.toLowerCase()).find((s) => VERSION_SEGMENT_REGEX.test(s));
const derivePathGroup = (pathTemplate) => {
  for (const segment of pathSegmentsFromTemplate(pathTemplate)) {
    const lower = segment.toLowerCase();
    if (VERSION_SEGMENT_REGEX.test(lower)) continue;
    if (IGNORED_PATH_SEGMENTS.has(lower)) continue;
    if (isPathParameterSegment(segment)) continue;
    return normalizeGroupSegment(segment) ?? "root";
  }
  return "root";
};
const splitOperationIdSegments = (value) =>
  value.split(/[/.]+/).map((s) => s.trim()).filter((s) => s.length > 0);
const deriveLeafSeed = (operationId, group) => {
  const segments = splitOperationIdSegments(operationId);
  if (segments.length > 1) {
    const [first, ...rest] = segments;
    if ((normalizeGroupSegment(first) ?? first) === group && rest.length > 0) return rest.join(" ");
  }
  return operationId;
};
const fallbackLeafSeed = (method, pathTemplate, group) => {
  const relevantSegments = pathSegmentsFromTemplate(pathTemplate)
    .filter((s) => !VERSION_SEGMENT_REGEX.test(s.toLowerCase()))
    .filter((s) => !IGNORED_PATH_SEGMENTS.has(s.toLowerCase()))
    .filter((s) => !isPathParameterSegment(s))
    .map((s) => normalizeGroupSegment(s) ?? s)
    .filter((s) => s !== group);
  const segmentSuffix = relevantSegments.map((s) => toPascalCase(s)).join("");
  return `${method}${segmentSuffix || "Operation"}`;
};
const deriveLeaf = (operationId, method, pathTemplate, group) => {
  const preferred = toCamelCase(deriveLeafSeed(operationId, group));
  if (preferred.length > 0 && preferred !== group) return preferred;
  return toCamelCase(fallbackLeafSeed(method, pathTemplate, group));
};
const resolveCollisions = (definitions) => {
  const staged = definitions.map((d) => ({ ...d }));
  const applyFactory = (items, factory) => {
    const byPath = new Map();
    for (const item of items) { const bucket = byPath.get(item.toolPath) ?? []; bucket.push(item); byPath.set(item.toolPath, bucket); }
    for (const bucket of byPath.values()) { if (bucket.length < 2) continue; for (const d of bucket) d.toolPath = factory(d); }
  };
  applyFactory(staged, (d) => d.versionSegment ? `${d.group}.${d.versionSegment}.${d.leaf}` : d.toolPath);   // Round 1
  applyFactory(staged, (d) => { const prefix = d.versionSegment ? `${d.group}.${d.versionSegment}` : d.group;
    return `${prefix}.${d.leaf}${toPascalCase(d.method)}`; });                                                  // Round 2
  applyFactory(staged, (d) => { const prefix = d.versionSegment ? `${d.group}.${d.versionSegment}` : d.group;
    return `${prefix}.${d.leaf}${toPascalCase(d.method)}${d.operationHash.slice(0, 8)}`; });                  // Round 3
  return staged;
};
const stableHash = (value) => {
  const str = JSON.stringify(value, Object.keys(value).sort());
  let hash = 0;
  for (let i = 0; i < str.length; i++) hash = ((hash << 5) - hash + str.charCodeAt(i)) | 0;
  return Math.abs(hash).toString(36).padStart(8, "0");
};

// extract.ts's tag filter and compileToolDefinitions, without the final sort, so results line up
// with the input.
const filterTags = (tags) => (tags ?? []).filter((t) => t.trim().length > 0);
const name = (operations) => {
  const raw = operations.map((op) => {
    op = { ...op, tags: filterTags(op.tags) };
    const operationId = deriveOperationId(op.method, op.path, op);
    const group = normalizeGroupSegment(op.tags[0]) ?? derivePathGroup(op.path);
    const leaf = deriveLeaf(operationId, op.method, op.path, group);
    const versionSegment = deriveVersionSegment(op.path);
    const operationHash = stableHash({ method: op.method, path: op.path, operationId });
    return { toolPath: `${group}.${leaf}`, group, leaf, versionSegment, method: op.method, operationHash, operationId };
  });
  return resolveCollisions(raw);
};

if (require.main === module) {
  const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
  for (const source of input.sources) {
    const named = name(source.operations);
    source.operations = source.operations.map((op, i) => ({
      method: op.method,
      path: op.path,
      rawOperationId: op.operationId ?? null,
      tags: op.tags ?? [],
      operationId: named[i].operationId,
      group: named[i].group,
      leaf: named[i].leaf,
      versionSegment: named[i].versionSegment ?? null,
      hash: named[i].operationHash,
      toolPath: named[i].toolPath,
    }));
  }
  process.stdout.write(JSON.stringify(input, null, 1) + "\n");
}

module.exports = { stableHash, deriveOperationId, toCamelCase, toPascalCase, splitWords, name };
