import { describe, expect, it } from 'vitest';
import { freeDeadBuffers } from '../../main/engine/migration/dead-buffers.ts';

describe('freeDeadBuffers', () => {
  it('collects dead Buffers once they have grown past the slack, while V8 alone keeps them', async () => {
    const stop = freeDeadBuffers();
    try {
      const before = process.memoryUsage().arrayBuffers;
      // Reachable from an old object until dropped: they outlive the young generation.
      let held: Buffer[] | null = Array.from({ length: 80 }, () => Buffer.alloc(1024 * 1024, 1));
      expect(process.memoryUsage().arrayBuffers - before).toBeGreaterThan(70 * 1024 * 1024);
      held = null;
      let freed = false;
      for (let i = 0; i < 40 && !freed; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        freed = process.memoryUsage().arrayBuffers - before < 20 * 1024 * 1024;
      }
      expect(held).toBeNull();
      expect(freed).toBe(true);
    } finally {
      stop();
    }
  });
});
