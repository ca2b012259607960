import type { ComponentChildren } from 'preact';
import { fieldName } from '@styring/audit-export';
import type { AuthorityBasis } from '@styring/governance';
import type { ChangeLogRow, DecisionSummary } from '@styring/projections';
import {
  bodyName,
  commandName,
  dateNo,
  kroner,
  planKindName,
  portfolioName,
  timeNo,
  valueText,
} from './format';

/** A unit by its name, the slug beside it for those who search the data. */
export const UnitName = (props: { slug: string | undefined; names: ReadonlyMap<string, string> }) =>
  props.slug === undefined ? <>–</> : <>{props.names.get(props.slug) ?? props.slug}</>;

/** Holds or fails, in words and colour (the colour is never the only sign). */
export const Verdict = (props: { holds: boolean; children?: ComponentChildren }) => (
  <span class={props.holds ? 'holds' : 'fails'}>
    {props.holds ? '✔ Holder' : '✘ Holder ikke'}
    {props.children === undefined ? null : <>: {props.children}</>}
  </span>
);

/** Who decided, when, in which case: `Kommunestyret 19.06.2024 (sak 2024/0977)`. */
export const decisionText = (decision: { body: string; decidedOn: string; caseNumber: string }): string =>
  `${bodyName(decision.body)} ${dateNo(decision.decidedOn)} (sak ${decision.caseNumber})`;

/** Who gave a delegation to whom, by its id: what the Hjemmel column names instead of the id alone. */
export type DelegationParties = ReadonlyMap<
  string,
  {
    readonly from: { readonly body: string; readonly unit?: string };
    readonly to: { readonly body: string; readonly unit?: string };
  }
>;

/**
 * The authority a decision rests on, as an auditor reads it: the law, or the delegation by who gave it to
 * whom, with its id beneath as the reference to quote (the id alone when the register does not know it).
 */
export const AuthorityName = (props: {
  authority: AuthorityBasis;
  parties: DelegationParties;
  names: Names;
}) => {
  if (props.authority.kind === 'law') return <>Lov: {props.authority.reference}</>;
  const parties = props.parties.get(props.authority.delegationId);
  if (parties === undefined) return <>Delegering: {props.authority.delegationId}</>;
  return (
    <>
      Delegering fra <HolderName holder={parties.from} names={props.names} /> til{' '}
      <HolderName holder={parties.to} names={props.names} />
      <br />
      <span class="muted">{props.authority.delegationId}</span>
    </>
  );
};

/** Who decided, when, in which case and meeting, on what authority. */
export const DecisionFacts = (props: {
  decision: DecisionSummary;
  names: ReadonlyMap<string, string>;
  parties: DelegationParties;
}) => (
  <dl>
    <dt>Organ</dt>
    <dd>
      {bodyName(props.decision.body)}
      {props.decision.unit === undefined ? null : (
        <>
          {' '}
          (<UnitName slug={props.decision.unit} names={props.names} />)
        </>
      )}
    </dd>
    <dt>Vedtaksdato</dt>
    <dd>{dateNo(props.decision.decidedOn)}</dd>
    <dt>Saksnummer</dt>
    <dd>{props.decision.caseNumber}</dd>
    <dt>Møte</dt>
    <dd>{props.decision.meeting ?? '–'}</dd>
    <dt>Hjemmel</dt>
    <dd>
      <AuthorityName authority={props.decision.authority} parties={props.parties} names={props.names} />
    </dd>
  </dl>
);

export const Empty = (props: { children: ComponentChildren }) => <p class="muted">{props.children}</p>;

/** A table's column headings; a numeric column is right-aligned. */
export const Head = (props: { columns: readonly (string | { readonly numeric: string })[] }) => (
  <thead>
    <tr>
      {props.columns.map((column) =>
        typeof column === 'string' ? (
          <th scope="col">{column}</th>
        ) : (
          <th scope="col" class="num">
            {column.numeric}
          </th>
        ),
      )}
    </tr>
  </thead>
);

/** Corrections with their values before and after, why and who; `link` makes the field a link. */
export const CorrectionsTable = (props: {
  caption: string;
  corrections: readonly ChangeLogRow[];
  link?: (change: ChangeLogRow) => string;
}) => (
  <table>
    <caption>{props.caption}</caption>
    <Head columns={['Felt', 'Før', 'Etter', 'Begrunnelse', 'Hvem', 'Registrert']} />
    <tbody>
      {props.corrections.map((change) => (
        <tr>
          <td>
            {props.link === undefined ? (
              fieldName(change.field)
            ) : (
              <a href={props.link(change)}>{fieldName(change.field)}</a>
            )}
          </td>
          <td>{valueText(change.oldValue)}</td>
          <td>{valueText(change.newValue)}</td>
          <td>{change.reason}</td>
          <td>{change.actor}</td>
          <td>{timeNo(change.recordedAt)}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

/** An inline SVG chart: an image to assistive technology, named by its title (each page also has a table). */
export const Chart = (props: {
  class: string;
  viewBox: string;
  titleId: string;
  title: ComponentChildren;
  children: ComponentChildren;
}) => (
  <svg
    class={props.class}
    viewBox={props.viewBox}
    role="img"
    aria-labelledby={props.titleId}
    xmlns="http://www.w3.org/2000/svg"
  >
    <title id={props.titleId}>{props.title}</title>
    {props.children}
  </svg>
);

type Names = ReadonlyMap<string, string>;

/** A body, and its unit by name where it has one. */
export const HolderName = (props: {
  holder: { readonly body: string; readonly unit?: string };
  names: Names;
}) => (
  <>
    {bodyName(props.holder.body)}
    {props.holder.unit === undefined ? null : (
      <>
        {' '}
        (<UnitName slug={props.holder.unit} names={props.names} />)
      </>
    )}
  </>
);

/** What a delegation covers: its command types, plan kinds, portfolios and amount limit (inside a `<dl>`). */
export const Scope = (props: {
  scope: {
    readonly commandTypes: readonly string[];
    readonly planKinds?: readonly string[];
    readonly portfolios?: readonly string[];
    readonly maxAmountNok?: number;
  };
}) => (
  <>
    <dt>Omfang</dt>
    <dd>
      <ul>
        {props.scope.commandTypes.map((type) => (
          <li>{commandName(type)}</li>
        ))}
      </ul>
    </dd>
    {props.scope.planKinds === undefined ? null : (
      <>
        <dt>Plantyper</dt>
        <dd>{props.scope.planKinds.map(planKindName).join(', ')}</dd>
      </>
    )}
    {props.scope.portfolios === undefined ? null : (
      <>
        <dt>Porteføljer</dt>
        <dd>{props.scope.portfolios.map(portfolioName).join(', ')}</dd>
      </>
    )}
    <dt>Beløpsgrense</dt>
    <dd>{props.scope.maxAmountNok === undefined ? 'Ingen' : kroner(props.scope.maxAmountNok)}</dd>
  </>
);
