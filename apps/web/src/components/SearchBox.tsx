import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    if (text.trim()) navigate(`/search?q=${encodeURIComponent(text.trim())}`);
  }
  return (
    <form role="search" onSubmit={submit} className="search-box">
      <input type="search" aria-label={t('search.label')} placeholder={t('search.placeholder')} value={text} maxLength={100} onChange={(e) => setText(e.target.value)} />
    </form>
  );
}
