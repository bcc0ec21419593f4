import { Module } from '@nestjs/common';
import { AuthService } from './auth.service';
import { AuthRepository } from './auth.repository';
import { TokenService } from './token.service';

/**
 * Accounts, sign-in and bearer tokens.
 * Imported by the API's HTTP module and by the worker alike.
 */
@Module({
  providers: [
    AuthService,
    AuthRepository,
    TokenService,
  ],
  exports: [
    AuthService,
    AuthRepository,
    TokenService,
  ],
})
export class AuthModule {}
