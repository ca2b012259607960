import { rejection } from '@styring/eventstore';

export const supervisionRejections = {
  alreadyOpened: (supervisionId: string) =>
    rejection(
      'supervision.already_opened',
      `Tilsynet «${supervisionId}» er allerede registrert.`,
      `The supervision '${supervisionId}' is already recorded.`,
    ),
  unitUnknown: (unit: string) =>
    rejection(
      'supervision.unit_unknown',
      `Enheten «${unit}» finnes ikke eller er nedlagt; tilsynet gjelder en enhet i organisasjonen.`,
      `The unit '${unit}' does not exist or is dissolved; a supervision concerns a unit of the organization.`,
    ),
  notOpened: (supervisionId: string) =>
    rejection(
      'supervision.not_opened',
      `Tilsynet «${supervisionId}» er ikke registrert.`,
      `The supervision '${supervisionId}' is not recorded.`,
    ),
  closed: (supervisionId: string) =>
    rejection(
      'supervision.closed',
      `Tilsynet «${supervisionId}» er avsluttet; ingenting registreres på det etterpå.`,
      `The supervision '${supervisionId}' is closed; nothing is recorded on it after that.`,
    ),
  findingExists: (findingId: string) =>
    rejection(
      'supervision.finding_exists',
      `Funnet «${findingId}» er allerede registrert i tilsynet.`,
      `The finding '${findingId}' is already recorded in the supervision.`,
    ),
  beforeOpened: (openedOn: string) =>
    rejection(
      'supervision.before_opened',
      `Tilsynet ble åpnet ${openedOn}; funn og avslutning kan ikke dateres før det.`,
      `The supervision was opened on ${openedOn}; findings and the closing cannot be dated before it.`,
    ),
};
