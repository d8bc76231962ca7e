import { backoffDelay, transientReason } from '../retry';

describe('retry policy', () => {
  it('retries 5xx, throttling, lock contention and dropped connections', () => {
    expect(transientReason({ errorCode: 'ERROR_HTTP_503', message: '<html>…' })).toBe('HTTP 503');
    expect(transientReason({ errorCode: 'SERVER_UNAVAILABLE' })).toBe('SERVER_UNAVAILABLE');
    expect(transientReason({ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests' })).toBe(
      'REQUEST_LIMIT_EXCEEDED'
    );
    expect(transientReason({ errorCode: 'UNABLE_TO_LOCK_ROW' })).toBe('UNABLE_TO_LOCK_ROW');
    const dropped = Object.assign(new TypeError('fetch failed'), {
      cause: { code: 'UND_ERR_SOCKET' }
    });
    expect(transientReason(dropped)).toBe('connection: UND_ERR_SOCKET');
  });

  it('never retries a validation error', () => {
    expect(transientReason({ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' })).toBeUndefined();
    expect(transientReason({ errorCode: 'INVALID_FIELD' })).toBeUndefined();
    expect(transientReason({ errorCode: 'ERROR_HTTP_404' })).toBeUndefined();
  });

  it('grows the delay exponentially, capped, with jitter within half the step', () => {
    const policy = { maxRetries: 6, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(0, policy, () => 0)).toBe(50);
    expect(backoffDelay(0, policy, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, () => 1)).toBe(800);
    expect(backoffDelay(10, policy, () => 1)).toBe(1000);
  });
});
