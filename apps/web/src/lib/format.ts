import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Numbers, rates, money and dates in the current language (Intl), so 12,345 / 12,345 and 2026年11月28日 / Nov 28, 2026. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'zh-CN';
  return useMemo(() => makeFormat(locale), [locale]);
}

export function makeFormat(locale: string) {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const signedPercent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const yuan = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  return {
    locale,
    num: (n: number) => integer.format(n),
    dec: (n: number) => decimal.format(n),
    pct: (r: number) => percent.format(r),
    signedPct: (r: number) => signedPercent.format(r),
    /** Money arrives in fen (1 CNY = 100 fen). */
    fen: (f: number) => yuan.format(f / 100),
    /** A GraphQL Date ("2026-11-28"): a calendar day, shown without shifting time zones. */
    date: (d: string | null | undefined) => (d ? day.format(new Date(`${d}T00:00:00Z`)) : '—'),
    month: (d: string) => month.format(new Date(`${d}T00:00:00Z`)),
    dateTime: (d: string) => dateTime.format(new Date(d)),
  };
}

export type Format = ReturnType<typeof makeFormat>;
