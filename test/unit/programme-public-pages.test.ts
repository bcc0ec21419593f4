import { describe, expect, it } from 'vitest';
import { popularity } from '@lectern/domains/programme/popularity.policy';
import { publicSpeaker } from '@lectern/domains/programme/speaker-publication.policy';

const profile = { name: 'Ada', company: 'Example Cloud', jobTitle: 'Engineer', bio: 'Builds schedulers.' };
const choice = { publishName: true, publishCompany: false, publishJobTitle: false, publishBio: false, publishPhoto: false, photoUrl: null };

describe('a speaker’s public profile', () => {
  it('is the name alone until the speaker chooses', () => {
    expect(publicSpeaker('u1', profile, null)).toEqual({ id: 'u1', name: 'Ada' });
  });

  it('shows exactly the fields agreed to, and nobody without a published name', () => {
    expect(publicSpeaker('u1', profile, { ...choice, publishJobTitle: true, publishPhoto: true, photoUrl: 'https://x.test/a.jpg' })).toEqual({
      id: 'u1',
      name: 'Ada',
      jobTitle: 'Engineer',
      photoUrl: 'https://x.test/a.jpg',
    });
    expect(publicSpeaker('u1', profile, { ...choice, publishName: false, publishCompany: true })).toBeNull();
  });
});

describe('popularity for the proposal', () => {
  it('counts marks first and reviewers’ rank among equal marks; unranked last', () => {
    const ranked = 10;
    expect(popularity(1, 10, ranked)).toBeGreaterThan(popularity(0, 1, ranked));
    expect(popularity(0, 1, ranked)).toBeGreaterThan(popularity(0, 2, ranked));
    expect(popularity(0, 10, ranked)).toBeGreaterThan(popularity(0, undefined, ranked));
    expect(popularity(2, undefined, ranked)).toBeGreaterThan(popularity(1, 1, ranked));
  });
});
