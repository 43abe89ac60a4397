import type { GameStart, SessionNotice, SoloBackend, SubmitResult } from '../game/backend.ts';
import type { Runs } from './input-stream.ts';
import { OnlineSession } from './online-session.ts';
import type { RoomLink } from './room-link.ts';

/** `SoloBackend` over a solo room. */
export class OnlineSolo implements SoloBackend {
  readonly online = true;
  readonly session: OnlineSession;

  constructor(link: RoomLink) {
    this.session = new OnlineSession(link);
  }

  submitBlocked(): string | null {
    return this.session.submitBlocked();
  }
  cursor(level: number): void {
    this.session.link.send('selectLevel', { level });
  }
  start(level: number, recorded: () => Runs): Promise<GameStart> {
    const started = this.session.awaitStart(recorded);
    this.session.link.send('selectLevel', { level });
    this.session.link.send('ready', {});
    return started;
  }
  /** After taking the seat back from a reloaded page: the game as the server has it. */
  resume(recorded: () => Runs): Promise<GameStart> {
    return this.session.awaitResume(recorded);
  }
  restart(recorded: () => Runs): Promise<GameStart> {
    const started = this.session.awaitStart(recorded);
    this.session.link.send('restart', {});
    return started;
  }
  frame(frame: number, buttons: number): void {
    this.session.frame(frame, buttons);
  }
  gameOver(): void {
    this.session.flush();
  }
  spawned(): void {
    this.session.spawned();
  }
  pause(on: boolean): void {
    this.session.pause(on);
  }
  submit(name: string, key?: string): Promise<SubmitResult> {
    return this.session.submit(name, key);
  }
  onNotice(fn: (n: SessionNotice) => void): () => void {
    return this.session.onNotice(fn);
  }
  dispose(): void {
    this.session.dispose();
  }
}
