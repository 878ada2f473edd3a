import advisoryEn from '../features/advisory/locales/en.json';
import advisoryVi from '../features/advisory/locales/vi.json';
import financeEn from '../features/finance/locales/en.json';
import financeVi from '../features/finance/locales/vi.json';
import membershipEn from '../features/membership/locales/en.json';
import membershipVi from '../features/membership/locales/vi.json';
import en from './en.json';
import vi from './vi.json';

/**
 * Every screen's words. The registry's live in this folder; each later module keeps its own
 * under one top-level key in its feature folder, so modules can grow without touching each other.
 */
export const translations = {
  vi: { ...vi, ...advisoryVi, ...membershipVi, ...financeVi },
  en: { ...en, ...advisoryEn, ...membershipEn, ...financeEn },
};
