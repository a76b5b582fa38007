import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { ACCESS_ROLES, CAPABILITIES, CAPABILITY_LABELS, GRANT_LABELS, ROLE_LABELS, grantOf, type AccessRole } from '../../../domain/access';

const capitalised = (text: string): string => text.charAt(0).toLocaleUpperCase('en-GB') + text.slice(1);

/** The role matrix as a table: roles down the side, capabilities across, each cell the grant in words. */
export function AccessMatrixTable({ highlight }: { highlight?: AccessRole | undefined }) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table aria-label="Who may do what in a review" size="small" data-testid="access-matrix">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Role</TableHeaderCell>
            {CAPABILITIES.map((capability) => (
              <TableHeaderCell key={capability} scope="col">
                {capitalised(CAPABILITY_LABELS[capability])}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {ACCESS_ROLES.map((role) => (
            <TableRow
              key={role}
              aria-current={role === highlight ? 'true' : undefined}
              style={role === highlight ? { background: tokens.colorNeutralBackground1Selected } : undefined}
            >
              <TableCell>
                <strong>{ROLE_LABELS[role]}</strong>
                {role === highlight ? ' (you)' : ''}
              </TableCell>
              {CAPABILITIES.map((capability) => (
                <TableCell key={capability} data-grant={grantOf(role, capability)}>
                  {GRANT_LABELS[grantOf(role, capability)]}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
