/**
 * Fault injection, so tests can watch clients ride out what a real org does on a bad day:
 * the next N requests (optionally only those whose path contains a string, or of one method) fail
 * with 503, REQUEST_LIMIT_EXCEEDED (403) or UNABLE_TO_LOCK_ROW, lose their connection, or wait;
 * and a record key can fail permanently in every write (a validation rule nobody can pass).
 * Driven in-process (`org.faults`) or over HTTP (`POST /__faults`).
 */
import { SfError } from './errors';

/** Kinds of transient fault. */
export type FaultKind = 'unavailable' | 'requestLimit' | 'lockRow' | 'drop' | 'delay';

/** A fault to inject. */
export interface FaultSpec {
  kind: FaultKind;
  /** How many matching requests it hits (default 1). */
  times?: number;
  /** Only requests whose path contains this (e.g. `/composite/sobjects`). */
  path?: string;
  /** Only requests with this method (GET, POST, PATCH, DELETE). */
  method?: string;
  /** For `delay`: milliseconds to wait before answering (default 1000). */
  delayMs?: number;
  /** For `lockRow` in sObject collections: how many records of the request fail (default 1). */
  records?: number;
}

/** A write that always fails for one record key. */
export interface RecordFailureSpec {
  /** The record's external id value, Id or Name. */
  key: string;
  /** Salesforce status code (default FIELD_CUSTOM_VALIDATION_EXCEPTION). */
  statusCode?: string;
  message?: string;
}

interface ActiveFault extends Required<Omit<FaultSpec, 'path' | 'method'>> {
  path?: string;
  method?: string;
}

/** The fault a request hit, if any. */
export type FaultHit =
  { kind: Exclude<FaultKind, 'delay'>; records: number } | { kind: 'delay'; delayMs: number };

/** Injected faults of one local org. */
export class Faults {
  private queue: ActiveFault[] = [];
  private readonly recordFailures = new Map<string, { statusCode: string; message: string }>();
  /** Faults that were applied, oldest first (kind, method, path). */
  readonly applied: Array<{ kind: FaultKind; method: string; path: string }> = [];

  /** Queues a fault for the next matching request(s). */
  inject(spec: FaultSpec): void {
    const kinds: FaultKind[] = ['unavailable', 'requestLimit', 'lockRow', 'drop', 'delay'];
    if (!kinds.includes(spec.kind))
      throw new SfError(
        'INVALID_FIELD',
        `unknown fault kind ${String(spec.kind)}; use one of ${kinds.join(', ')}`
      );
    this.queue.push({
      kind: spec.kind,
      times: spec.times ?? 1,
      path: spec.path,
      method: spec.method?.toUpperCase(),
      delayMs: spec.delayMs ?? 1000,
      records: spec.records ?? 1
    });
  }

  /** Makes every write of the record with this key fail. */
  failRecord(spec: RecordFailureSpec): void {
    this.recordFailures.set(spec.key, {
      statusCode: spec.statusCode ?? 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: spec.message ?? `The record ${spec.key} is rejected by a validation rule`
    });
  }

  /** Removes every fault and record failure. */
  clear(): void {
    this.queue = [];
    this.recordFailures.clear();
  }

  /** Faults still waiting to fire. */
  pending(): FaultSpec[] {
    return this.queue.map((f) => ({ ...f }));
  }

  /** Takes the first queued fault matching a request, counting it down. */
  take(method: string, path: string): FaultHit | null {
    const at = this.queue.findIndex(
      (f) => (!f.method || f.method === method) && (!f.path || path.includes(f.path))
    );
    if (at < 0) return null;
    const fault = this.queue[at];
    fault.times -= 1;
    if (fault.times <= 0) this.queue.splice(at, 1);
    this.applied.push({ kind: fault.kind, method, path });
    return fault.kind === 'delay'
      ? { kind: 'delay', delayMs: fault.delayMs }
      : { kind: fault.kind, records: fault.records };
  }

  /** The permanent error for a record, checked against its key candidates (external id, Id, Name). */
  recordError(keys: Array<unknown>): SfError | null {
    if (this.recordFailures.size === 0) return null;
    for (const key of keys) {
      if (key === null || key === undefined) continue;
      const failure = this.recordFailures.get(String(key));
      if (failure) return new SfError(failure.statusCode, failure.message, []);
    }
    return null;
  }
}

/** The response body and status of a fault that ends a request. */
export function faultResponse(kind: 'unavailable' | 'requestLimit' | 'lockRow'): SfError {
  switch (kind) {
    case 'unavailable':
      return new SfError(
        'SERVER_UNAVAILABLE',
        'Server unavailable, please try again later.',
        [],
        503
      );
    case 'requestLimit':
      return new SfError(
        'REQUEST_LIMIT_EXCEEDED',
        'ConcurrentPerOrgLongTxn Limit exceeded.',
        [],
        403
      );
    case 'lockRow':
      return new SfError(
        'UNABLE_TO_LOCK_ROW',
        'unable to obtain exclusive access to this record',
        [],
        400
      );
  }
}
