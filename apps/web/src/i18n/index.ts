import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'liangxin.lang';

function initialLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    // no storage: the default
  }
  return 'zh-CN';
}

export function setupI18n(lng: Language = initialLanguage()) {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
      lng,
      fallbackLng: 'zh-CN',
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    const setLang = (l: string) => {
      // <html lang> follows the language, so screen readers pronounce it right.
      if (typeof document !== 'undefined') document.documentElement.lang = l;
    };
    i18n.on('languageChanged', setLang);
    setLang(lng);
  } else if (i18n.language !== lng) {
    void i18n.changeLanguage(lng);
  }
  return i18n;
}

export function changeLanguage(lng: Language) {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  } catch {
    // no storage: the choice lasts for the page
  }
  return i18n.changeLanguage(lng);
}

export { i18n };
