import { Anchor, Stack } from '@mantine/core';

/** A phone number to call and an address to write to, each a link; nothing at all when neither is known. */
export function ContactLinks({ phone, email }: { phone: string | null; email: string | null }) {
  if (!phone && !email) return null;
  return (
    <Stack gap={0}>
      {phone && (
        <Anchor size="sm" href={`tel:${phone.replace(/[^0-9+]/g, '')}`}>
          {phone}
        </Anchor>
      )}
      {email && (
        <Anchor size="sm" href={`mailto:${email}`} style={{ overflowWrap: 'anywhere' }}>
          {email}
        </Anchor>
      )}
    </Stack>
  );
}
