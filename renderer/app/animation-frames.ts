// The browser's animation frames, which pace the job grid's progress; a background tab gets
// none, so events just wait there. Kept out of the store so it can be built outside a browser.
import type { FrameScheduler } from '../features/migration/logic/progress-batcher.ts';

export const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(() => callback()),
  cancel: (handle) => cancelAnimationFrame(handle),
};
