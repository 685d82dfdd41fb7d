import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The date the figures describe (基准日期). */
export function AsOfPicker({ value, onChange }: { value: string; onChange: (date: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="as-of">
      <label htmlFor={id}>{t('common.asOf')}</label>
      <input id={id} type="date" value={value} onChange={(e) => e.target.value && onChange(e.target.value)} />
    </div>
  );
}
