/**
 * What the funnel panel puts above the line for each agenda item's focus (SPM_Agenda_Item__c.Focus__c,
 * c/kpiDefinitions FOCUSES.Funnel), and the deal lists its focused views read from the review model.
 */
import { nextPeriod } from 'c/periods';

/** The funnel's focuses. */
export const FUNNEL_FOCUS = Object.freeze({
  SHAPE: 'Shape and conversion',
  MOVEMENT: 'Movement',
  OFFERS: 'New offers',
  NEXT: 'Next period'
});

/**
 * The blocks of the panel for a focus. `summary` is the value, coverage and movement block:
 * 'inline' above the line, 'details' below it, null not shown; `value` and `movement` say which of
 * its parts it holds. The shape (stages and conversion) comes first, last, or one click below.
 * Without a focus (the panel on its own page) the panel shows everything, as it always did.
 * @param {string} [focus]
 * @returns {{ summary: (string|null), value: boolean, movement: boolean, offers: boolean,
 *   next: boolean, shapeFirst: boolean, shapeLast: boolean, shapeInDetails: boolean }}
 */
export function funnelBlocks(focus) {
  const none = {
    summary: null,
    value: false,
    movement: false,
    offers: false,
    next: false,
    shapeFirst: false,
    shapeLast: false,
    shapeInDetails: false
  };
  switch (focus) {
    case FUNNEL_FOCUS.SHAPE:
      return { ...none, shapeFirst: true, summary: 'details', value: true, movement: true };
    case FUNNEL_FOCUS.MOVEMENT:
      return { ...none, summary: 'inline', movement: true, shapeInDetails: true };
    case FUNNEL_FOCUS.OFFERS:
      return { ...none, offers: true, shapeInDetails: true };
    case FUNNEL_FOCUS.NEXT:
      return { ...none, summary: 'inline', value: true, next: true, shapeInDetails: true };
    default:
      return { ...none, summary: 'inline', value: true, movement: true, shapeLast: true };
  }
}

/** A flag the deal carries and nobody snoozed: what the data-trust counts count. */
function hasFlag(deal, flag) {
  return Array.isArray(deal.flags) && deal.flags.includes(flag) && !deal.snoozed;
}

/**
 * The open offers of the open list: those made since the last review (an open deal with an offer
 * check date whose stage changed since: it reached its offer stage then; every open offer on a first
 * review) and those past their check date (not snoozed, as the data-trust count).
 * @param {Array<object>} open the model's open list (c/reviewModel lists.open)
 * @returns {{ sent: Array<object>, pastCheck: Array<object> }}
 */
export function offerLists(open) {
  const offers = open.filter((deal) => Boolean(deal.SPM_Offer_Check_Date__c));
  return {
    sent: offers.filter((deal) => deal.movedSinceReview),
    pastCheck: offers.filter((deal) => hasFlag(deal, 'offersPastCheck'))
  };
}

/**
 * The stalled deals of the open list (not snoozed, as the data-trust count).
 * @param {Array<object>} open
 * @returns {Array<object>}
 */
export function stalledDeals(open) {
  return open.filter((deal) => hasFlag(deal, 'stalled'));
}

/**
 * The period after the review's and the open deals closing in it.
 * @param {object} scope the model's scope (period, fiscalYearStartMonth)
 * @param {Array<object>} open
 * @returns {{ period: (object|null), deals: Array<object> }}
 */
export function nextPeriodDeals(scope, open) {
  if (!scope || !scope.period || !scope.period.end) {
    return { period: null, deals: [] };
  }
  const period = nextPeriod(scope.period, scope.fiscalYearStartMonth || 1);
  return {
    period,
    deals: open.filter(
      (deal) => deal.CloseDate && deal.CloseDate >= period.start && deal.CloseDate <= period.end
    )
  };
}
