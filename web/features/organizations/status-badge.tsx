import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DotLabel } from '../../components/dot-label.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import type { OrganizationStatus } from '../../../contracts/organizations.ts';
import { statusColors } from './options.ts';

export function StatusBadge({ status }: { status: OrganizationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={statusColors[status]} c="dark.7">
      {t(`organization.status.${status}`)}
    </Badge>
  );
}

export function ArchivedBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="gray" c="dark.6">
      {t('organization.archived')}
    </Badge>
  );
}

/** For tables: the full words with a coloured dot. */
export function StatusText({ status }: { status: OrganizationStatus }) {
  const { t } = useTranslation();
  return <DotLabel color={statusColors[status]}>{t(`organization.status.${status}`)}</DotLabel>;
}

/** Another live record in the same commune has nearly the same name: a link to the pairs to check. */
export function PossibleDuplicateBadge({ organization }: { organization: { id: string; name: string; provinceCode: string } }) {
  const { t } = useTranslation();
  return (
    <AnchorLink
      to="/organizations/duplicates"
      search={{ focus: organization.id, provinceCode: organization.provinceCode }}
      underline="never"
      aria-label={t('organizations.possibleDuplicateOf', { name: organization.name })}
    >
      <Badge variant="dot" color="orange" c="dark.7" style={{ cursor: 'pointer' }}>
        {t('organizations.possibleDuplicate')}
      </Badge>
    </AnchorLink>
  );
}
