import { v7 } from 'uuid';

/** Time-ordered UUIDs made by the application, so provincial databases merge without collisions. */
export const newId = (): string => v7();
