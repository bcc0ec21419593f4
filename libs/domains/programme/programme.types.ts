import { ScheduleBlockKind } from '@lectern/database/generated/enums';

/** A translated name as the request gives it: language tag → text (checked by localized-name.policy). */
export type NameInput = Record<string, string>;

export interface CreateRoomInput {
  slug: string;
  name: NameInput;
  capacity: number;
  livestreamed?: boolean;
  position?: number;
}

export type UpdateRoomInput = Partial<Omit<CreateRoomInput, 'slug'>>;

export interface ScheduleDayInput {
  /** The local date, YYYY-MM-DD, in the event's time zone. */
  date: string;
  /** Local wall-clock times, HH:MM. */
  opens: string;
  closes: string;
}

export interface PutScheduleDaysInput {
  days: ScheduleDayInput[];
}

export interface CreateBlockInput {
  kind: ScheduleBlockKind;
  name: NameInput;
  /** A room slug; absent for a block that holds every room (lunch for everyone). */
  room?: string;
  startsAt: string;
  endsAt: string;
}

export interface PlaceSessionInput {
  room: string;
  startsAt: string;
  /** Overrides the session format's length. */
  lengthMinutes?: number;
  pinned?: boolean;
  expectedAudience?: number;
}

export interface AvailabilitySlotInput {
  startsAt: string;
  endsAt: string;
}

export interface PutAvailabilityInput {
  /** The IANA zone the speaker gives the times in; the event's when absent. */
  timezone?: string;
  slots: AvailabilitySlotInput[];
}

export interface ProposeScheduleInput {
  /** Also move placements organisers did not pin (default: only sessions in no room yet are placed). */
  replaceUnpinned?: boolean;
}

export interface RenderedFeed {
  /** The bytes, encoded once: a string would be encoded again on every response. */
  body: Buffer;
  etag: string;
  lastModified: Date;
  version: number;
}
