const vietnamDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Vietnam, YYYY-MM-DD: the day the server counts members on. */
export function todayInVietnam(): string {
  return vietnamDate.format(new Date());
}

export function thisYearInVietnam(): number {
  return Number(todayInVietnam().slice(0, 4));
}
