/** The audible cue for a new red or orange case: two short beeps (WebAudio, no sound file to ship). */
let audio: AudioContext | null = null;

/** Browsers allow sound only after a user gesture: call this from a click (login, the sound toggle). */
export function unlockAudio(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
  } catch { /* no audio on this machine */ }
}

export function beep(level: number): void {
  if (!audio || audio.state !== 'running') return;
  const pitch = level === 1 ? 988 : 784;
  const t0 = audio.currentTime;
  for (const start of [0, 0.28]) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'square';
    osc.frequency.value = pitch;
    gain.gain.setValueAtTime(0.0001, t0 + start);
    gain.gain.exponentialRampToValueAtTime(0.15, t0 + start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + start + 0.2);
    osc.connect(gain).connect(audio.destination);
    osc.start(t0 + start);
    osc.stop(t0 + start + 0.22);
  }
}

export function audioReady(): boolean { return audio?.state === 'running'; }
