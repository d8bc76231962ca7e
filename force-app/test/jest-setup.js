// Registers `expect(element).toBeAccessible()` (sa11y, axe-core rules) for every component test.
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
