import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';

/** One Clock for the whole application, so that replacing its time in a test reaches every service. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
