import type { SimulationRecord } from '../../course/types.js';
import { clusterFrame, type ClusterFrame } from '../cluster/frame.js';
import { eventLines, headerLine, legendLine, nodeGridLines, ownerLines } from '../cluster/layout.js';
import { Replay } from '../cluster/replay.js';
import type { KeyBinding } from '../keys.js';
import { clusterKeys, clusterReduce, initialCluster, type ClusterAction, type ClusterState } from '../models/cluster.js';
import { clampScroll } from '../models/scroll.js';
import { fitLine, seg, type Line } from '../text.js';
import type { AppContext, View } from '../view.js';

const PLAY_INTERVAL_MS = 600;

/** The cluster picture of a simulation, stepped through instant by instant. */
export class ClusterScreen implements View {
  title: string;
  private readonly replay: Replay;
  private state: ClusterState;
  private timer?: NodeJS.Timeout;
  private gridHeight = 10;
  private gridTotal = 0;

  private constructor(
    private readonly app: AppContext,
    sim: SimulationRecord,
    private readonly label: string,
  ) {
    this.title = `cluster view (${label})`;
    this.replay = new Replay(sim);
    const starts = sim.steps.map((s) => this.replay.instants.findIndex((i) => i.time >= s.time)).filter((i) => i >= 0);
    this.state = initialCluster(this.replay.instants.length, [...new Set(starts)], 'first');
  }

  static open(app: AppContext, sim: SimulationRecord, label: string): ClusterScreen {
    return new ClusterScreen(app, sim, label);
  }

  keys(): KeyBinding[] {
    return clusterKeys(this.state);
  }

  act(action: string): void {
    this.state = clusterReduce(this.state, action as ClusterAction, this.gridTotal, this.gridHeight);
    this.syncTimer();
  }

  hidden(): void {
    this.state = { ...this.state, playing: false };
    this.syncTimer();
  }

  private syncTimer(): void {
    if (this.state.playing && !this.timer) {
      this.timer = setInterval(() => {
        this.state = clusterReduce(this.state, 'tick');
        this.syncTimer();
        this.app.render();
      }, PLAY_INTERVAL_MS);
    } else if (!this.state.playing && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  body(cols: number, height: number): Line[] {
    return clusterBody(clusterFrame(this.replay, this.state.index), this.state, cols, height, (total, room) => {
      this.gridTotal = total;
      this.gridHeight = room;
      this.state = { ...this.state, scroll: clampScroll(this.state.scroll, total, room) };
    });
  }

  status(): Line {
    return [seg(this.label, 'dim')];
  }
}

/** Splits the height between the node grid, the owners and the events; pure, shared with tests. */
export function clusterBody(frame: ClusterFrame, s: ClusterState, cols: number, height: number, onGrid: (total: number, room: number) => void = () => undefined): Line[] {
  const events = eventLines(frame);
  const owners = ownerLines(frame);
  const eventRoom = Math.min(Math.max(1, events.length), 4);
  const ownerRoom = Math.min(owners.length, Math.max(2, Math.floor(height / 4)));
  const gridRoom = Math.max(3, height - 1 - eventRoom - 1 - ownerRoom - 1 - 1);
  const grid = nodeGridLines(frame, cols);
  onGrid(grid.length, gridRoom);
  const top = clampScroll(s.scroll, grid.length, gridRoom);
  const shownGrid = grid.slice(top, top + gridRoom);
  if (grid.length > gridRoom) shownGrid[shownGrid.length - 1] = [seg(`… ${grid.length - gridRoom - top} more lines (↓)`, 'dim')];
  while (shownGrid.length < gridRoom) shownGrid.push([]);
  const moreEvents = events.length > eventRoom ? [seg(`  (+${events.length - eventRoom + 1} more)`, 'dim')] : [];
  const shownEvents = events.length > eventRoom ? [...events.slice(0, eventRoom - 1), moreEvents] : events;
  const lines: Line[] = [
    headerLine(frame, s.playing),
    ...shownGrid,
    [seg('Owners', 'title')],
    ...owners.slice(0, ownerRoom),
    [seg(frame.events.length ? 'Events at this instant' : 'Changes at this instant', 'title')],
    ...(shownEvents.length ? shownEvents : [[seg('nothing recorded', 'dim')]]),
    legendLine(),
  ];
  return lines.slice(0, height).map((l) => fitLine(l, cols));
}
