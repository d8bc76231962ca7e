/**
 * A one-line progress indicator on stderr for long work. Shown only on a terminal or with
 * --progress, so logs and pipes stay clean.
 */
import type { Io } from '../../cli/io';

/** Reports `label: done/total` on one rewritten line. */
export interface Progress {
  update(label: string, done: number, total: number): void;
  /** Ends the line (call once when the work is over). */
  done(): void;
}

/** Builds a progress line that writes only when enabled. */
export function createProgress(io: Io, forced: boolean): Progress {
  const enabled = forced || io.stderrIsTTY;
  let shown = false;
  let lastWrite = 0;
  return {
    update(label, done, total) {
      if (!enabled) return;
      const now = Date.now();
      // At most ten redraws a second, but always the last one.
      if (done < total && now - lastWrite < 100) return;
      lastWrite = now;
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
      io.stderr(
        `${io.stderrIsTTY ? '\r\x1b[2K' : ''}${label}: ${done}/${total} (${percent}%)${io.stderrIsTTY ? '' : '\n'}`
      );
      shown = true;
    },
    done() {
      if (enabled && shown && io.stderrIsTTY) io.stderr('\n');
      shown = false;
    }
  };
}
