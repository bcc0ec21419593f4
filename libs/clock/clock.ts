import { Injectable } from '@nestjs/common';

/**
 * The time rules are judged against. Deadlines (a CFP that closes at 23:59:59 Shanghai time) must be testable at
 * the exact second, so services ask this provider instead of calling `new Date()`; tests replace `now` on the
 * instance they get from `app.get(Clock)`.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
