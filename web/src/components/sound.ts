import { readJson, writeJson } from '../offline/storage';
import { createStore } from '../store';

/*
 * Browsers only let a page make sound after someone has touched it, so the alert beep is off until a person
 * turns it on; a device that had it on gets it back at its first tap or key press after a reload.
 */

export type SoundState = 'off' | 'on' | 'blocked';

const PREF_KEY = 'bv.sound';
let ctx: AudioContext | null = null;

function wanted(): boolean {
  return readJson<boolean>(PREF_KEY) === true;
}

function running(): boolean {
  return ctx?.state === 'running';
}

export const soundState = createStore<SoundState>(wanted() ? 'blocked' : 'off');

function refresh(): void {
  soundState.set(!wanted() ? 'off' : running() ? 'on' : 'blocked');
}

async function unlock(): Promise<void> {
  const Ctor = window.AudioContext as typeof AudioContext | undefined;
  if (!Ctor) return;
  ctx ??= new Ctor();
  ctx.onstatechange = refresh;
  if (ctx.state !== 'running') await ctx.resume().catch(() => undefined);
  refresh();
}

function onFirstGesture(): void {
  document.removeEventListener('pointerdown', onFirstGesture, true);
  document.removeEventListener('keydown', onFirstGesture, true);
  if (wanted()) void unlock();
}

if (wanted()) {
  document.addEventListener('pointerdown', onFirstGesture, true);
  document.addEventListener('keydown', onFirstGesture, true);
}

/** Call from a click handler: that gesture is what allows the sound. */
export async function setSound(on: boolean): Promise<void> {
  writeJson(PREF_KEY, on);
  if (on) {
    await unlock();
    beep();
  } else {
    refresh();
  }
}

/** Two short high tones: noticeable across a room, over in half a second. */
export function beep(): void {
  if (!ctx || !running() || !wanted()) return;
  const start = ctx.currentTime;
  for (const offset of [0, 0.22]) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.16);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start + offset);
    osc.stop(start + offset + 0.18);
  }
}
