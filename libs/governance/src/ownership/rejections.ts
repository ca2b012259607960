import { rejection } from '@styring/eventstore';
import { bodyLabels, type DecidingBody } from '../shared/bodies';

export const ownershipRejections = {
  companyExists: (companyId: string) =>
    rejection(
      'ownership.company_exists',
      `Selskapet «${companyId}» er allerede i eierskapsregisteret.`,
      `The company '${companyId}' is already in the ownership register.`,
    ),
  companyUnknown: (companyId: string) =>
    rejection(
      'ownership.company_unknown',
      `Selskapet «${companyId}» er ikke i eierskapsregisteret.`,
      `The company '${companyId}' is not in the ownership register.`,
    ),
  ownershipEnded: (companyId: string) =>
    rejection(
      'ownership.ownership_ended',
      `Kommunens eierskap i «${companyId}» er allerede avsluttet.`,
      `The kommune's ownership of '${companyId}' has already ended.`,
    ),
  reportExists: (reportId: string) =>
    rejection(
      'ownership.report_exists',
      `Eierskapsmeldingen «${reportId}» er allerede vedtatt.`,
      `The ownership report '${reportId}' is already adopted.`,
    ),
  reportRequiresCouncil: (body: DecidingBody) =>
    rejection(
      'ownership.report_requires_council',
      `Eierskapsmeldingen vedtas av kommunestyret, ikke av ${bodyLabels[body].toLowerCase()}.`,
      `The ownership report is adopted by the council, not by the ${body}.`,
    ),
};
