/**
 * Sets the page's clock before any other module runs (imported first by main.ts), so even a
 * module that reads the date when it loads sees the data set's day.
 */
import { installPreviewClock } from './clock';

installPreviewClock();
