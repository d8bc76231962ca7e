/**
 * Tells when the page has rendered its data: the page shell says when the page is mounted, the
 * platform modules count the org requests in flight, and once both settle (no request for two
 * animation frames and a task) the page gets `data-ready="true"` on <body> and a
 * `pacer:data-ready` performance mark. Tests and the first-render benchmark wait for it.
 */

/** Performance mark set when the page has rendered its data. */
export const DATA_READY_MARK = 'pacer:data-ready';

let inFlight = 0;
let pageMounted = false;
let ready = false;
let checkScheduled = false;
// Bumped whenever a request starts or ends, so a settle check that overlapped one starts over.
let activity = 0;

function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => resolve());
    else setTimeout(resolve, 16);
  });
}

async function settle(): Promise<void> {
  const seen = activity;
  // Rendering a response can start the next request (a wire whose config depends on data):
  // wait for LWC's engine to render and for any such request to start before deciding.
  await nextFrame();
  await nextFrame();
  await new Promise((resolve) => setTimeout(resolve, 0));
  checkScheduled = false;
  if (ready || !pageMounted || inFlight > 0) return;
  if (activity !== seen) {
    scheduleCheck();
    return;
  }
  ready = true;
  if (typeof document !== 'undefined') {
    performance.mark(DATA_READY_MARK);
    document.body.dataset.ready = 'true';
  }
}

function scheduleCheck(): void {
  if (checkScheduled || ready) return;
  checkScheduled = true;
  void settle();
}

/** Counts an org request until it settles. Returns the same promise. */
export function trackRequest<T>(request: Promise<T>): Promise<T> {
  inFlight += 1;
  activity += 1;
  const done = () => {
    inFlight -= 1;
    activity += 1;
    if (inFlight === 0) scheduleCheck();
  };
  request.then(done, done);
  return request;
}

/** Called by the page shell once the page's components are in the DOM. */
export function markPageMounted(): void {
  pageMounted = true;
  scheduleCheck();
}

/** Whether the page has rendered its data. */
export function isDataReady(): boolean {
  return ready;
}
