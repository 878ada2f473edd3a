import { notifications } from '@mantine/notifications';
import { ApiError } from './api-client.ts';
import { i18next } from './i18n.ts';

/** The sentence to show a user for any failure; server problems arrive already translated. */
export function describeError(error: unknown): string {
  const t = i18next.t;
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  const { problem } = error;
  if (error.status === 0) return t('errors.network');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return problem.detail ?? t('errors.notFound');
  if (error.status >= 500) return problem.detail ?? t('errors.server');
  return problem.detail ?? problem.title;
}

type NotificationInput = { color: 'red' | 'brand'; title?: string; message: string };

/** Every notification goes through here, so its close button has a name for screen readers. */
export function notify({ color, title, message }: NotificationInput): void {
  notifications.show({ color, title, message, closeButtonProps: { 'aria-label': i18next.t('common.close') } });
}

export function notifyError(error: unknown): void {
  notify({ color: 'red', title: i18next.t('errors.title'), message: describeError(error) });
}

export function notifySuccess(message: string): void {
  notify({ color: 'brand', message });
}
