import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A division code (or place id) typed by the user; applied on Enter or blur, not on every key. */
export function ScopeFilter({ value, placeholder, onChange }: { value: string; placeholder?: string; onChange: (scope: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  return (
    <label>
      {t('common.scope')}
      <input
        value={text}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => text.trim() !== value && onChange(text.trim())}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onChange(text.trim());
          }
        }}
      />
    </label>
  );
}
