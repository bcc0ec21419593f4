import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { AuthService } from '@lectern/domains/auth/auth.service';
import { AuthModule } from '@lectern/domains/auth/auth.module';
import { IntegrationsModule } from '@lectern/domains/integrations/integrations.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';

/** The HTTP routes of the domain; the rules live in its domain module under libs/domains. */
@Module({
  imports: [AuthModule, IntegrationsModule],
  controllers: [AuthController],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthHttpModule implements OnModuleInit {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** ADMIN_EMAIL and ADMIN_PASSWORD make sure that administrator exists when the API starts. */
  async onModuleInit(): Promise<void> {
    if (this.config.admin) await this.auth.ensureAdmin(this.config.admin.email, this.config.admin.password);
  }
}
