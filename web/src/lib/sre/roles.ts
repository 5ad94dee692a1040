/**
 * Who may open the SRE console: role SRE or ADMIN (the gateway's `User.roles` are upper-case;
 * lower-case accepted too). The gateway also demands a session that passed MFA.
 */
export function isOperator(roles: readonly string[]): boolean {
  return roles.some((role) => {
    const r = role.toUpperCase();
    return r === 'SRE' || r === 'ADMIN';
  });
}
