/**
 * Jest runs each test file in its own VM context, where `Symbol.dispose` is missing; undici (under
 * jsforce) needs it. The local org's test helpers carry the one fix; importing this module first
 * applies it in tests that make HTTP calls.
 */
import { shareNodeDisposeSymbol } from '../../localorg/testing';

shareNodeDisposeSymbol();
