/**
 * The context memory of the contextual detector, after the idea of CAD OSE
 * (Contextual Anomaly Detector, Open Source Edition, M. Smirnov 2016; NAB's
 * "contextOSE"). Our own code; the algorithm in short:
 *
 * Each step sees a set of sensory facts (the current value's band). A
 * context is a pair (left set, right set): the left set is facts of the
 * previous step (sensory facts plus the ids of the contexts that were active
 * then, the "neurons"), the right set is current sensory facts. A context is
 * selected when its whole left set held at the previous step, and active
 * when its whole right set holds now: it predicted this step. The step's
 * novelty is the share of selected contexts that failed, plus (when the
 * exact pair previous-facts -> current-facts was never seen) the share of
 * new contexts among the candidates the step proposes; candidates are the
 * overlaps of the new pair with what known full-step ("zero level")
 * contexts partly matched, so the memory learns the sub-patterns that recur.
 *
 * Facts are dense integers: sensory facts below `neuronBase`, context `c`'s
 * neuron fact is `neuronBase + c`. Everything is arrays of numbers (plain
 * data for snapshots); sets are found by a numeric hash (./factSets.ts).
 */
import { addFactSet, createFactSetTable, findFactSet, intersectSorted, type FactSetTable } from './factSets';
import { addPair, findPair } from './pairTable';

export interface ContextMemory {
  readonly neuronBase: number;
  /** Bumped every step; a `*Stamp` equal to it marks "touched in this step". */
  stamp: number;
  /** Per dense fact: stamp of the step whose previous facts hold it. */
  factMark: number[];
  left: FactSetTable;
  /** Per left set: its contexts' right set ids and context ids, in parallel. */
  leftRights: number[][];
  leftContexts: number[][];
  /** Per fact: the left sets whose largest fact it is (a contained set is found from its largest fact). */
  leftByTop: number[][];
  /**
   * Zero-level left sets, the only source of candidates, indexed for the
   * partial crossing: by neuron fact (`zeroLeftByFact`); a set with no
   * neuron fact is in `plainZeroLefts`. A set's sensory part is its pattern
   * (`leftPattern`, -1 when not indexed): sets that share no neuron with the
   * previous facts overlap them only through their pattern, so their
   * candidates are counted per pattern and right set instead of per set.
   */
  zeroLeftByFact: number[][];
  plainZeroLefts: number[];
  zeroLeftIndexed: number[];
  leftPattern: number[];
  patterns: FactSetTable;
  /** Per pattern: the right sets of its zero-level contexts, and per right set id how many such contexts. */
  patternRights: number[][];
  patternRightCount: number[][];
  leftStamp: number[];
  leftCross: number[];
  right: FactSetTable;
  rightByFact: number[][];
  rightStamp: number[];
  rightCross: number[];
  /** Per context: times it was active, 1 when zero level, its left and right set ids, a stamp for counting distinct ones. */
  contextHits: number[];
  contextZero: number[];
  contextLeft: number[];
  contextRight: number[];
  contextStamp: number[];
  /** Context id + 1 by (left, right) pair (./pairTable.ts). */
  pairs: Int32Array;
}

export function createContextMemory(neuronBase: number): ContextMemory {
  return {
    neuronBase, stamp: 0, factMark: [],
    left: createFactSetTable(), leftRights: [], leftContexts: [], leftByTop: [],
    zeroLeftByFact: [], plainZeroLefts: [], zeroLeftIndexed: [], leftPattern: [], patterns: createFactSetTable(), patternRights: [], patternRightCount: [],
    leftStamp: [], leftCross: [],
    right: createFactSetTable(), rightByFact: [], rightStamp: [], rightCross: [],
    contextHits: [], contextZero: [], contextLeft: [], contextRight: [], contextStamp: [], pairs: new Int32Array(256),
  };
}

/** What one step found, for the score and its explanation. */
export interface StepResult {
  /** Contexts whose left set held at the previous step. */
  selected: number;
  /** Of those, the ones whose right set holds now. */
  active: number;
  /** Whether the exact pair previous facts -> current facts was new. */
  novelPair: boolean;
  /** New contexts made this step (the pair itself included) and the distinct candidates they came from. */
  added: number;
  candidates: number;
  /** The facts of this step (current sensory facts and the most active contexts' neuron facts), the next step's left side. */
  facts: number[];
}

function push(lists: number[][], at: number, id: number): void {
  while (lists.length <= at) lists.push([]);
  lists[at]!.push(id);
}

/** The number of facts below `limit` at the start of sorted `facts`. */
function sensoryLength(facts: readonly number[], limit: number): number {
  let n = 0;
  while (n < facts.length && facts[n]! < limit) n++;
  return n;
}

/** Records that context `c` (left `l`, right `r`) is zero level, in the indexes the partial crossing reads. */
function indexZero(m: ContextMemory, l: number, r: number): void {
  const facts = m.left.sets[l]!;
  const plain = sensoryLength(facts, m.neuronBase);
  if (m.zeroLeftIndexed[l] !== 1) {
    m.zeroLeftIndexed[l] = 1;
    if (plain === facts.length) {
      m.plainZeroLefts.push(l);
    } else {
      for (let k = plain; k < facts.length; k++) push(m.zeroLeftByFact, facts[k]!, l);
      const pattern = facts.slice(0, plain);
      let p = findFactSet(m.patterns, pattern);
      if (p < 0) {
        p = addFactSet(m.patterns, pattern);
        m.patternRights.push([]);
        m.patternRightCount.push([]);
      }
      m.leftPattern[l] = p;
    }
  }
  const p = m.leftPattern[l]!;
  if (p < 0) return;
  const counts = m.patternRightCount[p]!;
  while (counts.length <= r) counts.push(0);
  if (counts[r]!++ === 0) m.patternRights[p]!.push(r);
}

function leftSet(m: ContextMemory, facts: number[]): number {
  let id = findFactSet(m.left, facts);
  if (id >= 0) return id;
  id = addFactSet(m.left, facts);
  m.leftRights.push([]);
  m.leftContexts.push([]);
  m.zeroLeftIndexed.push(0);
  m.leftPattern.push(-1);
  m.leftStamp.push(0);
  m.leftCross.push(0);
  push(m.leftByTop, facts[facts.length - 1]!, id);
  return id;
}

function rightSet(m: ContextMemory, facts: number[]): number {
  let id = findFactSet(m.right, facts);
  if (id >= 0) return id;
  id = addFactSet(m.right, facts);
  m.rightStamp.push(0);
  m.rightCross.push(0);
  for (const f of facts) push(m.rightByFact, f, id);
  return id;
}

/** The context (left, right), made when missing; returns its id, or -(id + 1) when it was just made. */
function contextOf(m: ContextMemory, leftFacts: number[], rightFacts: number[], zeroLevel: boolean): number {
  const l = leftSet(m, leftFacts);
  const r = rightSet(m, rightFacts);
  let c = findPair(m.pairs, m.contextLeft, m.contextRight, l, r);
  if (c >= 0) {
    if (zeroLevel && m.contextZero[c] === 0) {
      m.contextZero[c] = 1;
      indexZero(m, l, r);
    }
    return c;
  }
  c = m.contextHits.length;
  m.leftRights[l]!.push(r);
  m.leftContexts[l]!.push(c);
  m.contextHits.push(0);
  m.contextZero.push(zeroLevel ? 1 : 0);
  m.contextLeft.push(l);
  m.contextRight.push(r);
  m.contextStamp.push(0);
  m.factMark.push(0);
  m.pairs = addPair(m.pairs, m.contextLeft, m.contextRight, c);
  if (zeroLevel) indexZero(m, l, r);
  return -(c + 1);
}

/** Whether every fact of left set `l` held at the previous step. */
function leftHolds(m: ContextMemory, l: number): boolean {
  const facts = m.left.sets[l]!;
  // The largest fact is known to hold (the set was found from it).
  for (let k = facts.length - 2; k >= 0; k--) if (m.factMark[facts[k]!] !== m.stamp) return false;
  return true;
}

/** Inserts context `c` into `top` (most hits first, then oldest), keeping at most `limit`. */
function keepTop(m: ContextMemory, top: number[], c: number, limit: number): void {
  const hits = m.contextHits[c]!;
  let at = top.length;
  while (at > 0) {
    const o = top[at - 1]!;
    const oh = m.contextHits[o]!;
    if (oh > hits || (oh === hits && o < c)) break;
    at--;
  }
  if (at >= limit) return;
  top.splice(at, 0, c);
  if (top.length > limit) top.pop();
}

/** Bit mask of the positions in sorted `within` of the facts of sorted `facts` (a subset of it). */
function maskIn(facts: readonly number[], within: readonly number[]): number {
  let mask = 0;
  let j = 0;
  for (const f of facts) {
    while (within[j] !== f) j++;
    mask |= 1 << j;
  }
  return mask;
}

/** Per-step scratch, reused (not state). */
const fullRights: number[] = [];
const touched: number[] = [];

/**
 * Candidates from zero-level left sets that held only in part (the step's
 * pair being new): pushed onto `out` as (left facts, right facts) pairs.
 * Duplicates are harmless (the caller counts distinct contexts).
 */
function partialCandidates(m: ContextMemory, previous: readonly number[], sensory: readonly number[], newContext: number, limit: number, out: number[][]): void {
  const stamp = m.stamp;
  const plain = sensoryLength(previous, m.neuronBase);
  const previousSensory = previous.slice(0, plain);
  const rightFacts = m.right.sets;
  const emit = (l: number, overlap: number[]): void => {
    const rights = m.leftRights[l]!;
    const contexts = m.leftContexts[l]!;
    for (let k = 0; k < rights.length; k++) {
      const c = contexts[k]!;
      const r = rights[k]!;
      if (c === newContext || m.contextZero[c] !== 1 || m.rightStamp[r] !== stamp) continue;
      out.push(overlap.slice(), intersectSorted(rightFacts[r]!, sensory));
    }
  };
  // Sets sharing a neuron with the previous facts: crossed one by one, and taken out of their pattern's counts.
  touched.length = 0;
  for (let k = plain; k < previous.length; k++) {
    const ls = m.zeroLeftByFact[previous[k]!];
    if (ls === undefined) continue;
    for (const l of ls) {
      if (m.leftStamp[l] !== stamp) {
        m.leftStamp[l] = stamp;
        m.leftCross[l] = 0;
        touched.push(l);
      }
      m.leftCross[l]!++;
    }
  }
  for (const l of touched) {
    const facts = m.left.sets[l]!;
    const p = m.leftPattern[l]!;
    const crossed = m.leftCross[l]! + intersectSorted(m.patterns.sets[p]!, previousSensory).length;
    if (crossed < facts.length && crossed <= limit) emit(l, intersectSorted(facts, previous));
    const counts = m.patternRightCount[p]!;
    const contexts = m.leftContexts[l]!;
    const rights = m.leftRights[l]!;
    for (let k = 0; k < contexts.length; k++) if (m.contextZero[contexts[k]!] === 1) counts[rights[k]!]!--;
  }
  // The rest overlap only through their pattern: one candidate per (pattern overlap, right overlap).
  const seen = new Set<number>();
  for (let p = 0; p < m.patterns.sets.length; p++) {
    const overlap = intersectSorted(m.patterns.sets[p]!, previousSensory);
    if (overlap.length === 0 || overlap.length > limit) continue;
    const counts = m.patternRightCount[p]!;
    const oMask = maskIn(overlap, previousSensory);
    for (const r of m.patternRights[p]!) {
      if (counts[r]! <= 0 || m.rightStamp[r] !== stamp) continue;
      const rightOverlap = intersectSorted(rightFacts[r]!, sensory);
      const key = oMask * 65536 + maskIn(rightOverlap, sensory);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(overlap.slice(), rightOverlap);
    }
  }
  for (const l of touched) {
    const counts = m.patternRightCount[m.leftPattern[l]!]!;
    const contexts = m.leftContexts[l]!;
    const rights = m.leftRights[l]!;
    for (let k = 0; k < contexts.length; k++) if (m.contextZero[contexts[k]!] === 1) counts[rights[k]!]!++;
  }
  for (const l of m.plainZeroLefts) {
    const overlap = intersectSorted(m.left.sets[l]!, previous);
    if (overlap.length > 0 && overlap.length < m.left.sets[l]!.length && overlap.length <= limit) emit(l, overlap);
  }
}

/**
 * One step: the previous step's facts `previous` (sorted; empty at the
 * start), the current sensory facts `sensory` (sorted, all below
 * neuronBase). Learns and returns what it found; `candidateLimit` caps the
 * left sets of candidate contexts (CAD OSE's 7), `activeLimit` the neuron
 * facts carried to the next step (its 15).
 */
export function stepContexts(m: ContextMemory, previous: readonly number[], sensory: readonly number[], activeLimit: number, candidateLimit: number): StepResult {
  const stamp = ++m.stamp;
  let newContext = -1;
  if (previous.length > 0) {
    const c = contextOf(m, previous.slice(), sensory.slice(), true);
    if (c < 0) newContext = -c - 1;
  }
  const novelPair = newContext >= 0;

  fullRights.length = 0;
  for (const f of sensory) {
    const rs = m.rightByFact[f];
    if (rs === undefined) continue;
    for (const r of rs) {
      if (m.rightStamp[r] !== stamp) {
        m.rightStamp[r] = stamp;
        m.rightCross[r] = 0;
      }
      if (++m.rightCross[r]! === m.right.sets[r]!.length) fullRights.push(r);
    }
  }
  for (const f of previous) m.factMark[f] = stamp;

  let selected = 0;
  const activeTop: number[] = [];
  let active = 0;
  const candidates: number[][] = [];
  const rightFacts = m.right.sets;
  for (const f of previous) {
    const ls = m.leftByTop[f];
    if (ls === undefined) continue;
    for (const l of ls) {
      if (!leftHolds(m, l)) continue;
      const contexts = m.leftContexts[l]!;
      selected += contexts.length;
      // Active contexts have a right set that holds whole: few such sets, so look each up rather than scan the left's contexts.
      for (const r of fullRights) {
        const c = findPair(m.pairs, m.contextLeft, m.contextRight, l, r);
        if (c < 0 || c === newContext) continue;
        m.contextHits[c]!++;
        active++;
        keepTop(m, activeTop, c, activeLimit);
      }
      if (!novelPair) continue;
      if (m.contextLeft[newContext] === l) selected--;
      if (m.left.sets[l]!.length > candidateLimit) continue;
      const rights = m.leftRights[l]!;
      for (let k = 0; k < rights.length; k++) {
        const c = contexts[k]!;
        const r = rights[k]!;
        if (c === newContext || m.contextZero[c] !== 1 || m.rightStamp[r] !== stamp || m.rightCross[r] === rightFacts[r]!.length) continue;
        candidates.push(m.left.sets[l]!.slice(), intersectSorted(rightFacts[r]!, sensory));
      }
    }
  }
  if (novelPair) partialCandidates(m, previous, sensory, newContext, candidateLimit, candidates);

  // The next step's left side: the current sensory facts, then the neuron facts (all larger), sorted.
  const neurons = activeTop.map((c) => m.neuronBase + c).sort((a, b) => a - b);
  const facts = sensory.concat(neurons);

  let added = novelPair ? 1 : 0;
  let distinct = 0;
  if (novelPair) {
    m.contextStamp[newContext] = stamp;
    distinct = 1;
  }
  for (let k = 0; k < candidates.length; k += 2) {
    let c = contextOf(m, candidates[k]!, candidates[k + 1]!, false);
    if (c < 0) {
      c = -c - 1;
      added++;
    }
    if (m.contextStamp[c] !== stamp) {
      m.contextStamp[c] = stamp;
      distinct++;
    }
  }
  return { selected, active, novelPair, added: novelPair ? added : 0, candidates: distinct, facts };
}
