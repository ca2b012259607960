import { rejection } from '@styring/eventstore';

export const organisationRejections = {
  unitExists: (unit: string) =>
    rejection(
      'organisation.unit_exists',
      `Enheten «${unit}» finnes allerede (også nedlagte enheter beholder sin id).`,
      `The unit '${unit}' already exists (dissolved units keep their id too).`,
    ),
  parentUnknown: (parent: string) =>
    rejection(
      'organisation.parent_unknown',
      `Overordnet enhet «${parent}» finnes ikke, eller er nedlagt.`,
      `The parent unit '${parent}' does not exist, or is dissolved.`,
    ),
  unitUnknown: (unit: string) =>
    rejection(
      'organisation.unit_unknown',
      `Enheten «${unit}» finnes ikke, eller er allerede nedlagt.`,
      `The unit '${unit}' does not exist, or is already dissolved.`,
    ),
  unitHasChildren: (unit: string, children: readonly string[]) =>
    rejection(
      'organisation.unit_has_children',
      `Enheten «${unit}» har underliggende enheter som ikke er nedlagt: ${children.join(', ')}.`,
      `The unit '${unit}' has units under it that are not dissolved: ${children.join(', ')}.`,
    ),
};
