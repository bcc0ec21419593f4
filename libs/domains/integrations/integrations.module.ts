import { Module } from '@nestjs/common';
import { ApiTokensRepository } from './api-tokens.repository';
import { ApiTokensService } from './api-tokens.service';

/**
 * API tokens and webhook subscriptions: how other systems act on and hear from Lectern.
 * Imported by the API's HTTP module and by the worker alike.
 */
@Module({
  providers: [ApiTokensService, ApiTokensRepository],
  exports: [ApiTokensService],
})
export class IntegrationsModule {}
