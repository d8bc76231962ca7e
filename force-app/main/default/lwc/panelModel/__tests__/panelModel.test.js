import {
  panelState,
  panelView,
  kpiByKey,
  numberOrNull,
  textOrDash,
  dealRow,
  createActionEvent,
  statusBadgeClass,
  unavailableReasons,
  panelErrors
} from 'c/panelModel';

/** A model whose activity document failed (c/reviewModel model.unavailable). */
const PARTLY = {
  unavailable: [
    {
      operationName: 'spmReviewActivity1',
      group: 'activity',
      panels: ['activity', 'scorecard', 'rollup'],
      reason:
        "Validation error of type FieldUndefined: Field 'Task' in type 'Aggregate' is undefined @ 'uiapi/aggregate/Task'"
    },
    {
      operationName: 'spmReviewActivity2',
      group: 'activity',
      panels: ['activity'],
      reason: 'Request timed out'
    }
  ]
};

describe('c/panelModel', () => {
  it('picks loading over error over empty over data', () => {
    expect(panelState({ loading: true, error: ['x'], hasData: true })).toBe('loading');
    expect(panelState({ loading: false, error: ['x'], hasData: true })).toBe('error');
    expect(panelState({ loading: false, error: [], hasData: false })).toBe('empty');
    expect(panelState({ loading: false, error: null, hasData: true })).toBe('data');
    expect(panelState({ error: { message: 'boom' }, hasData: true })).toBe('error');
  });

  it('gives the template one flag per branch, exactly one of them true', () => {
    expect(panelView({ loading: true, error: ['x'], hasData: true })).toEqual({
      state: 'loading',
      isLoading: true,
      hasError: false,
      isEmpty: false,
      hasData: false
    });
    expect(panelView({ error: 'boom', hasData: true })).toEqual({
      state: 'error',
      isLoading: false,
      hasError: true,
      isEmpty: false,
      hasData: false
    });
    expect(panelView({ error: [], hasData: false })).toEqual({
      state: 'empty',
      isLoading: false,
      hasError: false,
      isEmpty: true,
      hasData: false
    });
    expect(panelView({ loading: false, hasData: true })).toEqual({
      state: 'data',
      isLoading: false,
      hasError: false,
      isEmpty: false,
      hasData: true
    });
  });

  it('finds a KPI of the model by its key', () => {
    const model = { kpis: [{ key: 'calls', total: { value: 10 } }] };
    expect(kpiByKey(model, 'calls').total.value).toBe(10);
    expect(kpiByKey(model, 'missing')).toBeUndefined();
    expect(kpiByKey(undefined, 'calls')).toBeUndefined();
  });

  it('treats hidden or missing values as empty, never as zero', () => {
    expect(numberOrNull(undefined)).toBeNull();
    expect(numberOrNull(NaN)).toBeNull();
    expect(numberOrNull(0)).toBe(0);
    expect(textOrDash(null)).toBe('—');
    expect(textOrDash('')).toBe('—');
    const row = dealRow({ Id: '006', Name: 'Deal' }, 'EUR');
    expect(row).toMatchObject({
      name: 'Deal',
      amountText: '—',
      closeDateText: '—',
      nextStep: '—',
      stage: '—'
    });
  });

  it('formats a deal row in the review currency', () => {
    const row = dealRow(
      {
        Id: '006',
        Name: 'Deal',
        Amount: 1200,
        CloseDate: '2026-12-01',
        movedSinceReview: true,
        snoozed: true
      },
      'EUR'
    );
    expect(row.amountText).toBe('€1,200');
    expect(row.closeDateText).toBe('Dec 1, 2026');
    expect(row.moved).toBe(true);
    expect(row.snoozed).toBe(true);
  });

  it('builds a createaction event that crosses shadow boundaries, without empty keys', () => {
    const event = createActionEvent({
      kpiKey: undefined,
      opportunityId: '006',
      accountId: null,
      name: 'Call'
    });
    expect(event.type).toBe('createaction');
    expect(event.bubbles).toBe(true);
    expect(event.composed).toBe(true);
    expect(event.detail).toEqual({ opportunityId: '006', name: 'Call' });
  });

  it('maps each status to an SLDS badge theme', () => {
    expect(statusBadgeClass('green')).toContain('slds-theme_success');
    expect(statusBadgeClass('amber')).toContain('slds-theme_warning');
    expect(statusBadgeClass('red')).toContain('slds-theme_error');
    expect(statusBadgeClass('none')).toBe('slds-badge');
  });

  it('gives a panel the reasons of the failed documents it reads, each once', () => {
    expect(unavailableReasons(PARTLY, 'activity')).toEqual([
      PARTLY.unavailable[0].reason,
      PARTLY.unavailable[1].reason
    ]);
    expect(unavailableReasons(PARTLY, 'scorecard')).toEqual([PARTLY.unavailable[0].reason]);
    expect(unavailableReasons(PARTLY, 'funnel')).toEqual([]);
    expect(unavailableReasons({ unavailable: [] }, 'funnel')).toEqual([]);
    expect(unavailableReasons(undefined, 'funnel')).toEqual([]);
    const twice = { unavailable: [PARTLY.unavailable[1], PARTLY.unavailable[1]] };
    expect(unavailableReasons(twice, 'activity')).toEqual(['Request timed out']);
  });

  it("shows the container's error first, else the panel's own failed documents, else nothing", () => {
    const error = [{ message: 'Every document failed' }];
    expect(panelErrors(error, PARTLY, 'activity')).toBe(error);
    expect(panelErrors(undefined, PARTLY, 'activity')).toEqual(
      unavailableReasons(PARTLY, 'activity')
    );
    expect(panelErrors(undefined, PARTLY, 'funnel')).toBeUndefined();
    expect(panelErrors([], PARTLY, 'trust')).toBeUndefined();
    expect(panelErrors(undefined, undefined, 'trust')).toBeUndefined();
  });
});
