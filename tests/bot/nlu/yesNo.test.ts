import { assertSuite } from './assertSuite';
import { yesNo } from './suites';

assertSuite(yesNo);
