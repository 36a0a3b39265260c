/**
 * The classes operator state is made of, by the names snapshots give them
 * (see stateImage): a class missing here makes captureState throw, so
 * state of a new class cannot be silently left out of snapshots.
 */
import { ComplexCell } from '../aggregate/complexCells';
import { DistinctSet } from '../aggregate/distinctSet';
import { Hll } from '../aggregate/hyperLogLog';
import { KeyTable } from '../aggregate/keyTable';
import { Moments } from '../aggregate/moments';
import { OutputCodes, ResultWriter } from '../aggregate/resultWriterState';
import { FieldAcc, ScalarAcc } from '../aggregate/scalarAcc';
import { QuantileSketch, SketchBins } from '../aggregate/sketchState';
import { DetectorState } from '../detect/detectorOperator';
import { EwmaState } from '../detect/ewma';
import { MadState } from '../detect/mad';
import { SortedWindow } from '../detect/sortedWindow';
import { ZscoreState } from '../detect/zscore';
import { KeyByState } from '../operators/keyByOperator';
import { DirectRows } from '../window/directRowLayout';
import { RunningField, RunningWindow } from '../window/runningWindow';
import { SessionStore } from '../window/sessionStore';
import { SessionWindowState } from '../window/sessionWindowOperator';
import { SlicedWindowState } from '../window/slicedState';
import { FieldSlices, SliceStore } from '../window/sliceStore';
import { StagedCodes } from '../window/stagedParts';
import { TimerHeap } from '../window/timerHeap';
import { TimerQueue } from '../window/timerQueue';
import { WindowEmitter } from '../window/windowFirings';
import { registerStateClass } from './stateImage';

let registered = false;

/** Registers every class of engine state (once). */
export function registerEngineStateClasses(): void {
  if (registered) return;
  registered = true;
  const classes = {
    ComplexCell, DistinctSet, Hll, KeyTable, Moments, OutputCodes, ResultWriter, FieldAcc, ScalarAcc, QuantileSketch, SketchBins,
    KeyByState, DirectRows, RunningField, RunningWindow, SessionStore, SessionWindowState, SlicedWindowState, FieldSlices, SliceStore,
    StagedCodes, TimerHeap, TimerQueue, WindowEmitter, DetectorState,
    ZscoreState, EwmaState, MadState, SortedWindow,
  };
  for (const [name, cls] of Object.entries(classes)) registerStateClass(name, cls);
}
