import { describe, expect, it } from 'vitest';
import { ZendeskDirectory } from './user-directory';

describe('ZendeskDirectory', () => {
  it('takes a full user record as the whole list of identities, and keeps the list when a record carries none', () => {
    const directory = new ZendeskDirectory();
    directory.rememberUser('acme', { id: 5, name: 'Ana', role: 'end-user', email: 'ana@example.com', phone: null, identities: [{ type: 'email', value: 'old@example.org' }] });
    directory.rememberIdentity('acme', '5', { type: 'phone_number', value: '+15025550100' });
    expect(directory.user('acme', '5')?.identities.map((identity) => identity.value)).toEqual(['old@example.org', '+15025550100']);
    // An export or lookup lists every identity the user has now: the old address is gone.
    directory.rememberUser('acme', { id: 5, name: 'Ana', role: 'end-user', email: 'ana@example.com', phone: null, identities: [{ type: 'phone_number', value: '+15025550100' }] });
    expect(directory.user('acme', '5')?.identities.map((identity) => identity.value)).toEqual(['+15025550100']);
    // A user webhook carries no list: what is known stays.
    directory.rememberUser('acme', { id: 5, name: 'Ana Lima', role: 'end-user', email: 'ana@example.com', phone: null });
    expect(directory.user('acme', '5')).toMatchObject({ name: 'Ana Lima', identities: [{ value: '+15025550100' }] });
    directory.forgetIdentity('acme', '5', { type: 'email', value: 'ANA@example.com' });
    expect(directory.user('acme', '5')?.email).toBeNull();
  });
});
