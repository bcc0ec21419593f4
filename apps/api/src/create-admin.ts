import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { ConfigError, loadConfig } from '@lectern/config/config';
import { PinoNestLogger } from '@lectern/logging/logger';
import { AppModule } from './app.module';
import { AuthService } from '@lectern/domains/auth/auth.service';

/**
 * `npm run admin:create -- <email>` with the password on standard input (so it never appears in the shell
 * history or the process list): creates the administrator, or promotes an existing account.
 */
async function main() {
  const email = process.argv[2];
  if (!email || !email.includes('@')) throw new Error('usage: npm run admin:create -- <email>   (password on stdin)');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (password.length < 12) throw new Error('the password (read from stdin) must be at least 12 characters long');

  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: new PinoNestLogger(pino({ level: 'warn' })),
  });
  try {
    const { user, created } = await app.get(AuthService).ensureAdmin(email, password);
    console.log(`${created ? 'created' : 'updated'} administrator ${user.email}`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : (error as Error).message);
  process.exit(1);
});
