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

/**
 * The cluster picture in `height` lines: the header, the node grid (scrollable when it does not fit),
 * the owners, the events of the instant, the legend. The grid gets what owners and events leave,
 * but never less than a third of the height. Pure, shared with tests.
 */
export function clusterBody(frame: ClusterFrame, s: ClusterState, cols: number, height: number, onGrid: (total: number, room: number) => void = () => undefined): Line[] {
  const grid = nodeGridLines(frame, cols);
  const events = eventLines(frame);
  const owners = ownerLines(frame);
  const fixed = 4; // header, two section titles, legend
  const free = height - fixed;
  // The grid first (at least a third), then owners (up to a quarter), events take the rest.
  const gridRoom = Math.max(3, Math.floor(height / 3), Math.min(grid.length, free - Math.min(owners.length, 3) - Math.min(events.length, 3)));
  const gridShown = Math.min(grid.length, gridRoom);
  const ownerRoom = Math.max(1, Math.min(owners.length, Math.floor(height / 4), free - gridShown - 1));
  const eventRoom = Math.max(1, free - gridShown - ownerRoom);
  onGrid(grid.length, gridRoom);
  const top = clampScroll(s.scroll, grid.length, gridRoom);
  const shownGrid = grid.slice(top, top + gridRoom);
  if (grid.length > gridRoom) shownGrid[shownGrid.length - 1] = [seg(`… ${grid.length - gridRoom - top + 1} more lines (↑/↓ scroll)`, 'dim')];
  const clip = (lines: Line[], room: number, what: string): Line[] =>
    lines.length > room ? [...lines.slice(0, room - 1), [seg(`  … ${lines.length - room + 1} more ${what}`, 'dim')]] : lines;
  const body: Line[] = [
    headerLine(frame, s.playing),
    ...shownGrid,
    [seg('Owners', 'title')],
    ...clip(owners, ownerRoom, 'owners'),
    [seg(frame.events.length ? 'Events at this instant' : 'Changes at this instant', 'title')],
    ...clip(events.length ? events : [[seg('nothing recorded', 'dim')]], eventRoom, 'events'),
  ];
  while (body.length < height - 1) body.push([]);
  return [...body.slice(0, height - 1), legendLine(cols)].map((l) => fitLine(l, cols));
}
