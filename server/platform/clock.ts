/** The current instant, injectable so tests can fix time. */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };

export const instantOf = (clock: Clock): string => clock.now().toISOString();
