import type { KeyBinding } from './keys.js';
import type { CoursePort } from './port.js';
import type { Line } from './text.js';
import type { Theme } from './theme.js';

/** A screen of the app. Views turn keys into model updates and models into lines; the app draws. */
export interface View {
  /** Shown in the `?` overlay's title. */
  title: string;
  keys(): KeyBinding[];
  act(action: string): void | Promise<void>;
  /** Keys no binding took (typed answers); true when used. */
  input?(ch: string | undefined, key: string): boolean;
  /** Exactly the body's lines for a body `cols` × `height`. */
  body(cols: number, height: number): Line[];
  /** A line above the help bar: a question, a notice, a position. */
  status?(): Line | undefined;
  /** Called when the view becomes / stops being the top of the stack (timers, file watchers). */
  shown?(): void;
  hidden?(): void;
}

export interface AppContext {
  port: CoursePort;
  theme: Theme;
  push(view: View): void;
  pop(): void;
  render(): void;
  /** Size of the body area (the screen minus the status line and the help bar). */
  size(): { cols: number; rows: number };
  /** Hands the terminal to a program (an editor) and takes it back; resolves with its exit code. */
  exec(command: string, args: string[]): Promise<number>;
  /** Runs an async task, reporting failures as a notice instead of crashing the screen. */
  run(task: () => Promise<void>): void;
}
