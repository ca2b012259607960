import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type OpenedStore, type RefusedAttempt } from '@styring/app';
import { STYRING_STORE } from '@styring/nestjs';
import { AllowRoles } from '../auth/access.decorators';
import { attemptLogRoles } from '../auth/permissions';

/** The attempt log: commands that were refused, kept apart from the governance history. */
@ApiTags('revisjon')
@ApiBearerAuth()
@AllowRoles(...attemptLogRoles)
@Controller('api')
export class RefusedAttemptsController {
  constructor(@Inject(STYRING_STORE) private readonly store: OpenedStore) {}

  @Get('refused-attempts')
  @ApiOperation({
    summary: 'Avviste forsøk: hvem prøvde hvilken kommando når, og koden den ble avvist med',
  })
  list(): Promise<RefusedAttempt[]> {
    return this.store.attempts.read();
  }
}
