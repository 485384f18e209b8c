import type { TFunction } from 'i18next';
import { ApiError } from './api';

/** The message to show for a failed call: the server's `detail` when there is one. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.detail) return error.detail;
    if (error.code === 'NETWORK_ERROR') return t('common.networkError');
    if (error.code === 'INVALID_RESPONSE') return t('common.invalidResponse');
  }
  return t('common.unexpectedError');
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
