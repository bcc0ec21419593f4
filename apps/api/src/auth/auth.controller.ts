import { Body, Controller, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { CurrentActor, Public } from '@api/http/auth.decorators';
import { ApiProblems } from '@api/http/problem.dto';
import { LogInDto, MeDto, SessionDto, SignUpDto, UpdateProfileDto } from './auth.dto';
import { AuthService } from '@lectern/domains/auth/auth.service';
import { Actor } from '@lectern/domains/auth/auth.types';

@ApiTags('auth')
@Controller({ version: '1' })
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/signup')
  @ApiOperation({ summary: 'Create an account', description: 'Anyone may call this.' })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiProblems(400, 409)
  signUp(@Body() body: SignUpDto) {
    return this.auth.signUp(body);
  }

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with e-mail and password',
    description: 'Anyone may call this. Rate-limited per account and per client address (429 with Retry-After).',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401, 429)
  logIn(@Body() body: LogInDto, @Req() request: FastifyRequest) {
    return this.auth.logIn(body, request.ip);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user and their roles per event', description: 'Any signed-in user.' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems(401)
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor.id);
  }

  @Patch('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change one’s own name or language', description: 'Any signed-in user, for themselves.' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems(400, 401)
  updateMe(@CurrentActor() actor: Actor, @Body() body: UpdateProfileDto) {
    return this.auth.updateProfile(actor, body);
  }
}
