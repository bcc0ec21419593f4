/**
 * What the public programme shows of a speaker: only the fields they agreed to publish. With no choice recorded,
 * the name alone. The e-mail is not even an input here, so no public view can carry it.
 */

export interface PublicationChoice {
  publishName: boolean;
  publishCompany: boolean;
  publishJobTitle: boolean;
  publishBio: boolean;
  publishPhoto: boolean;
  photoUrl: string | null;
}

export const DEFAULT_PUBLICATION: PublicationChoice = {
  publishName: true,
  publishCompany: false,
  publishJobTitle: false,
  publishBio: false,
  publishPhoto: false,
  photoUrl: null,
};

export interface ProfileFields {
  name: string;
  company: string | null;
  jobTitle: string | null;
  bio: string | null;
}

export interface PublicSpeaker {
  id: string;
  name: string;
  company?: string;
  jobTitle?: string;
  bio?: string;
  photoUrl?: string;
}

/** The speaker as the public sees them, or null when they did not agree to publish their name (then not listed). */
export function publicSpeaker(id: string, profile: ProfileFields, choice: PublicationChoice | null): PublicSpeaker | null {
  const publish = choice ?? DEFAULT_PUBLICATION;
  if (!publish.publishName || !profile.name) return null;
  const speaker: PublicSpeaker = { id, name: profile.name };
  if (publish.publishCompany && profile.company) speaker.company = profile.company;
  if (publish.publishJobTitle && profile.jobTitle) speaker.jobTitle = profile.jobTitle;
  if (publish.publishBio && profile.bio) speaker.bio = profile.bio;
  if (publish.publishPhoto && publish.photoUrl) speaker.photoUrl = publish.photoUrl;
  return speaker;
}
