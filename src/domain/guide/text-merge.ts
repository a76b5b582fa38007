/**
 * Three-way merge of plain text, line by line, for two facilitators writing the same step's notes at once.
 *
 * base = the text both started from; mine = this device's edit; theirs = what the other facilitator stored.
 * - Only one side changed: take it.
 * - Both changed, in regions that do not overlap: apply both.
 * - Both changed the same region differently: keep both versions, one after the other, between visible
 *   markers, and report a conflict. Text is never dropped.
 */

export interface TextMergeResult {
  readonly text: string;
  /** Regions both sides changed differently; each is kept twice, between markers. */
  readonly conflicts: number;
}

/** Whose each side is, as the markers name them: "Sam Notetaker’s version". */
export interface MergeLabels {
  readonly mine: string;
  readonly theirs: string;
}

const DEFAULT_LABELS: MergeLabels = { mine: 'One version', theirs: 'The other version' };
const MARKER_START = '[[ Two versions of this passage were written at the same time.';

/** Plain-language markers: the notes are read by people, not by a version-control tool. */
export function conflictMarkers(labels: MergeLabels = DEFAULT_LABELS): { mine: string; theirs: string; end: string } {
  return {
    mine: `${MARKER_START} ${labels.mine}: ]]`,
    theirs: `[[ ${labels.theirs}: ]]`,
    end: CONFLICT_END,
  };
}

const CONFLICT_END = '[[ End of the two versions: keep what you need and delete these markers. ]]';

export function hasConflictMarkers(text: string): boolean {
  return text.includes(MARKER_START) || text.includes(CONFLICT_END);
}

/** Marker labels from two people's names; neutral when they are the same person (two tabs). */
export function labelsFor(mineBy: string, theirsBy: string): MergeLabels {
  if (mineBy.trim() === '' || theirsBy.trim() === '' || mineBy.trim() === theirsBy.trim()) return DEFAULT_LABELS;
  return { mine: `${mineBy.trim()}’s version`, theirs: `${theirsBy.trim()}’s version` };
}

/** One changed region: base lines [start, end) replaced by `lines`. An insertion has start === end. */
interface Hunk {
  readonly start: number;
  readonly end: number;
  readonly lines: readonly string[];
}

const splitLines = (text: string): string[] => text.split('\n');

export function mergeText(base: string, mine: string, theirs: string, labels: MergeLabels = DEFAULT_LABELS): TextMergeResult {
  if (mine === theirs || theirs === base) return { text: mine, conflicts: 0 };
  if (mine === base) return { text: theirs, conflicts: 0 };

  const baseLines = splitLines(base);
  const mineHunks = diffHunks(baseLines, splitLines(mine));
  const theirHunks = diffHunks(baseLines, splitLines(theirs));

  const output: string[] = [];
  let conflicts = 0;
  let cursor = 0;
  let mineIndex = 0;
  let theirIndex = 0;

  while (mineIndex < mineHunks.length || theirIndex < theirHunks.length) {
    // Gather the next group of hunks whose base regions touch or overlap, from both sides.
    const group: { mine: Hunk[]; theirs: Hunk[] } = { mine: [], theirs: [] };
    const nextMine = mineHunks[mineIndex];
    const nextTheirs = theirHunks[theirIndex];
    const first = !nextTheirs || (nextMine && nextMine.start <= nextTheirs.start) ? 'mine' : 'theirs';
    const firstHunk = (first === 'mine' ? nextMine : nextTheirs) as Hunk;
    let start = firstHunk.start;
    let end = firstHunk.end;
    if (first === 'mine') group.mine.push(mineHunks[mineIndex++] as Hunk);
    else group.theirs.push(theirHunks[theirIndex++] as Hunk);

    let grew = true;
    while (grew) {
      grew = false;
      const candidateMine = mineHunks[mineIndex];
      if (candidateMine && touches(candidateMine, start, end)) {
        group.mine.push(candidateMine);
        mineIndex++;
        start = Math.min(start, candidateMine.start);
        end = Math.max(end, candidateMine.end);
        grew = true;
      }
      const candidateTheirs = theirHunks[theirIndex];
      if (candidateTheirs && touches(candidateTheirs, start, end)) {
        group.theirs.push(candidateTheirs);
        theirIndex++;
        start = Math.min(start, candidateTheirs.start);
        end = Math.max(end, candidateTheirs.end);
        grew = true;
      }
    }

    output.push(...baseLines.slice(cursor, start));
    const mineVersion = applyHunks(baseLines, start, end, group.mine);
    const theirVersion = applyHunks(baseLines, start, end, group.theirs);
    if (group.theirs.length === 0) {
      output.push(...mineVersion);
    } else if (group.mine.length === 0) {
      output.push(...theirVersion);
    } else if (sameLines(mineVersion, theirVersion)) {
      output.push(...mineVersion);
    } else {
      conflicts++;
      const markers = conflictMarkers(labels);
      output.push(markers.mine, ...mineVersion, markers.theirs, ...theirVersion, markers.end);
    }
    cursor = end;
  }
  output.push(...baseLines.slice(cursor));
  return { text: output.join('\n'), conflicts };
}

/**
 * Whether a hunk belongs with a region [start, end). Changes that overlap belong together; so does an insertion
 * at either edge of the region, since the order of the two sides' words there would be a guess.
 */
function touches(hunk: Hunk, start: number, end: number): boolean {
  const hunkIsInsertion = hunk.start === hunk.end;
  const regionIsInsertion = start === end;
  if (hunkIsInsertion || regionIsInsertion) return hunk.start <= end && start <= hunk.end;
  return hunk.start < end && start < hunk.end;
}

/** The region [start, end) of base with one side's hunks (all inside it) applied. */
function applyHunks(baseLines: readonly string[], start: number, end: number, hunks: readonly Hunk[]): string[] {
  const result: string[] = [];
  let position = start;
  for (const hunk of hunks) {
    result.push(...baseLines.slice(position, hunk.start), ...hunk.lines);
    position = hunk.end;
  }
  result.push(...baseLines.slice(position, end));
  return result;
}

const sameLines = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((line, index) => line === b[index]);

// ---------------------------------------------------------------- line diff (Myers)

/** The largest edit graph we trace before giving up on finesse and treating the middle as one changed block. */
const MAX_TRACE_CELLS = 6_000_000;

/** The changed regions that turn `a` into `b`, in order. */
export function diffHunks(a: readonly string[], b: readonly string[]): Hunk[] {
  // Trim the common start and end: most edits to notes are local, and it keeps the diff small.
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }
  const middleA = a.slice(prefix, a.length - suffix);
  const middleB = b.slice(prefix, b.length - suffix);
  if (middleA.length === 0 && middleB.length === 0) return [];
  if (middleA.length === 0 || middleB.length === 0) {
    return [{ start: prefix, end: prefix + middleA.length, lines: middleB }];
  }
  const operations = myers(middleA, middleB);
  if (!operations) return [{ start: prefix, end: prefix + middleA.length, lines: middleB }];

  const hunks: Hunk[] = [];
  let indexA = 0;
  let indexB = 0;
  let open: { start: number; end: number; lines: string[] } | null = null;
  for (const operation of operations) {
    if (operation === 'equal') {
      if (open) hunks.push(open);
      open = null;
      indexA++;
      indexB++;
      continue;
    }
    open ??= { start: prefix + indexA, end: prefix + indexA, lines: [] };
    if (operation === 'delete') {
      indexA++;
      open.end = prefix + indexA;
    } else {
      open.lines.push(middleB[indexB] as string);
      indexB++;
    }
  }
  if (open) hunks.push(open);
  return hunks;
}

type Operation = 'equal' | 'delete' | 'insert';

/** Myers' O(ND) shortest edit script; null when the edit graph would be too large to trace. */
function myers(a: readonly string[], b: readonly string[]): Operation[] | null {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const width = 2 * max + 3;
  const v = new Int32Array(width);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    if ((d + 1) * width > MAX_TRACE_CELLS) return null;
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number)) ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m, offset);
    }
  }
  return null;
}

function backtrack(trace: readonly Int32Array[], n: number, m: number, offset: number): Operation[] {
  const operations: Operation[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d] as Int32Array;
    const k = x - y;
    const previousK = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number)) ? k + 1 : k - 1;
    const previousX = v[offset + previousK] as number;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      operations.push('equal');
      x--;
      y--;
    }
    if (d > 0) {
      if (x === previousX) {
        operations.push('insert');
        y--;
      } else {
        operations.push('delete');
        x--;
      }
    }
    x = previousX;
    y = previousY;
  }
  return operations.reverse();
}
