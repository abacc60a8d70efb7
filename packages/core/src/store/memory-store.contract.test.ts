import { describeStore } from '../testing/describe-store';
import { createMemoryStore } from './memory-store';

describeStore('memory', () => createMemoryStore());
