/** The periods offered beside a current quarter (FY2027-Q4): it, the year's earlier quarters, the year and the year before. */
export function periodChoices(currentQuarter: string): string[] {
  const m = /^FY(\d{4})-Q([1-4])$/.exec(currentQuarter);
  if (!m) return [currentQuarter];
  const [year, q] = [Number(m[1]), Number(m[2])];
  const quarters = Array.from({ length: q }, (_, i) => `FY${year}-Q${q - i}`);
  return [...quarters, `FY${year}`, `FY${year - 1}`];
}
