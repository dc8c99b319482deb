import type { KeyBinding } from '../keys.js';
import { scroll, type ScrollAction } from './scroll.js';

/** The cluster view's state: which instant is shown, whether it plays, how far the picture is scrolled. */
export interface ClusterState {
  index: number;
  count: number;
  playing: boolean;
  scroll: number;
  /** Scenario step start times mapped to instant indexes, for jumping step by step. */
  stepStarts: number[];
}

export type ClusterAction = 'prev' | 'next' | 'first' | 'last' | 'play' | 'prevStep' | 'nextStep' | 'tick' | ScrollAction;

export function clusterKeys(s: ClusterState): KeyBinding<ClusterAction>[] {
  return [
    { keys: ['left', 'h'], label: '←/→', action: 'prev', help: 'step', bar: true },
    { keys: ['right', 'l'], label: '→', action: 'next', help: 'next instant' },
    { keys: ['space'], label: 'space', action: 'play', help: s.playing ? 'pause' : 'play', bar: true },
    { keys: ['['], label: '[/]', action: 'prevStep', help: 'scenario step', bar: s.stepStarts.length > 0 },
    { keys: [']'], label: ']', action: 'nextStep', help: 'next scenario step' },
    { keys: ['home', 'g'], label: 'g/G', action: 'first', help: 'first/last instant', bar: true },
    { keys: ['end', 'S-g'], label: 'G', action: 'last', help: 'last instant' },
    { keys: ['up', 'k'], label: '↑/↓', action: 'up', help: 'scroll the picture' },
    { keys: ['down', 'j'], label: '↓', action: 'down', help: 'scroll down' },
    { keys: ['pageup'], label: 'PgUp', action: 'pageUp', help: 'page up' },
    { keys: ['pagedown'], label: 'PgDn', action: 'pageDown', help: 'page down' },
  ];
}

export function initialCluster(count: number, stepStarts: number[], startAt: 'first' | 'last' = 'last'): ClusterState {
  return { index: startAt === 'last' ? Math.max(0, count - 1) : 0, count, playing: false, scroll: 0, stepStarts };
}

/** `tick` advances playback and stops at the last instant. `height`/`total` bound scrolling. */
export function clusterReduce(s: ClusterState, a: ClusterAction, total = 0, height = 0): ClusterState {
  const at = (index: number): ClusterState => ({ ...s, index: Math.max(0, Math.min(index, s.count - 1)) });
  switch (a) {
    case 'prev':
      return { ...at(s.index - 1), playing: false };
    case 'next':
      return { ...at(s.index + 1), playing: false };
    case 'first':
      return { ...at(0), playing: false };
    case 'last':
      return { ...at(s.count - 1), playing: false };
    case 'play':
      // Playing from the end restarts from the beginning, as a video player does.
      return s.playing ? { ...s, playing: false } : { ...at(s.index >= s.count - 1 ? 0 : s.index), playing: true };
    case 'tick':
      if (!s.playing) return s;
      return s.index >= s.count - 1 ? { ...s, playing: false } : at(s.index + 1);
    case 'prevStep':
      return { ...at([...s.stepStarts].reverse().find((i) => i < s.index) ?? 0), playing: false };
    case 'nextStep':
      return { ...at(s.stepStarts.find((i) => i > s.index) ?? s.count - 1), playing: false };
    default:
      return { ...s, scroll: scroll(s.scroll, a, total, height) };
  }
}
