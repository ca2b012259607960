import { bodyLabels, type DecidingBody } from './bodies';
import { isRole, type Role, roles } from './roles';

const acceptBody = (body: DecidingBody): DecidingBody => body;
const acceptRole = (role: Role): Role => role;

describe('bodies and roles', () => {
  it('keeps the kommunedirektør as body and as role apart, at compile time and at run time', () => {
    // @ts-expect-error -- the role acts for the body, it is not the body
    acceptBody('kommunedirektor');
    // @ts-expect-error -- the body is decided for by someone in a role, it is not the role
    acceptRole('kommunedirektoren');
    const role: Role = 'kommunedirektor';
    const body: DecidingBody = 'kommunedirektoren';
    // @ts-expect-error -- a value typed as a role is never taken where a body belongs
    acceptBody(role);
    // @ts-expect-error -- nor a body where a role belongs
    acceptRole(body);
    expect(isRole('kommunedirektoren')).toBe(false);
    expect(Object.keys(bodyLabels)).not.toContain('kommunedirektor');
  });

  it('names the words that are both a body and a role, so the glossary can say so', () => {
    const both = roles.filter((role) => Object.hasOwn(bodyLabels, role));
    expect(both).toEqual(['direktor', 'virksomhetsleder']);
  });
});
