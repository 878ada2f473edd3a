import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { configureApiClient, isApiError } from '../lib/api-client.ts';
import { currentLanguage } from '../lib/i18n.ts';
import { buildRouter } from './router.tsx';
import { sessionQueryKey } from './session.ts';
import { cssVariablesResolver, theme } from './theme.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not change by asking again; a dropped connection might.
      retry: (failureCount, error) => failureCount < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
    },
  },
});

const router = buildRouter(queryClient);

configureApiClient({
  language: currentLanguage,
  // The session ended on the server: forget it; the signed-in layout then sends the user to log in.
  onUnauthorized: () => queryClient.setQueryData(sessionQueryKey, null),
});

export function App() {
  const { i18n } = useTranslation();
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <DatesProvider settings={{ locale: i18n.resolvedLanguage ?? 'vi', firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          <ModalsProvider
            labels={{ confirm: i18n.t('common.confirm'), cancel: i18n.t('common.cancel') }}
            modalProps={{ closeButtonProps: { 'aria-label': i18n.t('common.close') } }}
          >
            <Notifications position="top-right" />
            <RouterProvider router={router} />
          </ModalsProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
