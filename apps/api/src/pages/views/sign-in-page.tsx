import { BarePage } from '../layout';

/**
 * Sign-in with the same bearer tokens the API takes (the embedded issuer's, or the identity provider's): the
 * token goes into an HttpOnly cookie, never into a page or a script.
 */
export const SignInPage = (props: { csrf: string; problem?: string }) => (
  <BarePage title="Logg inn">
    <div class="signin">
      {props.problem === undefined ? null : (
        <p class="notice" role="alert">
          {props.problem}
        </p>
      )}
      <p>
        Lim inn et tilgangstoken (JWT) fra kommunens identitetsleverandør, eller et lokalt token fra{' '}
        <code>styring tokens issue</code>. Med demoen skriver <code>npm start</code> en lenke som logger inn
        revisoren med ett klikk.
      </p>
      <form method="post" action="/revisjon/logg-inn">
        <input type="hidden" name="csrf" value={props.csrf} />
        <label for="token">Tilgangstoken</label>
        <textarea id="token" name="token" rows={6} required autocomplete="off" spellcheck={false} />
        <p>
          <button type="submit">Logg inn</button>
        </p>
      </form>
    </div>
  </BarePage>
);

export const ProblemPage = (props: { title: string; message: string }) => (
  <BarePage title={props.title}>
    <p class="notice">{props.message}</p>
    <p>
      <a href="/revisjon">Til oversikten</a>
    </p>
  </BarePage>
);
