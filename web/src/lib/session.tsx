/**
 * Who is logged in, the language, and the inbox badge. The session itself is an HttpOnly cookie
 * that the server sets; the page only asks /api/auth/me.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api/client.ts';
import type { Principal } from '../api/types.gen.ts';
import { type Language, isLanguage, LANG_STORAGE_KEY } from '../i18n/index.ts';

export type Role =
  | 'operator_admin'
  | 'tax_officer'
  | 'tsc_specialist'
  | 'business'
  | 'customs_officer'
  | 'risk_analyst'
  | 'declarant'
  | 'taxpayer'
  | 'service_officer'
  | 'carrier'
  | 'warehouse_owner'
  | 'customs_head';

type SessionValue = {
  /** undefined while the first /api/auth/me is under way; null for the public. */
  readonly principal: Principal | null | undefined;
  readonly role: Role | undefined;
  readonly lang: Language;
  readonly unread: number;
  readonly login: (login: string, secret: string) => Promise<Principal>;
  readonly logout: () => Promise<void>;
  readonly setLanguage: (lang: Language) => Promise<void>;
  readonly refreshUnread: () => Promise<void>;
};

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The interface language, typed. */
export function useLang(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'tg';
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : 'tg';
  const [principal, setPrincipal] = useState<Principal | null | undefined>(undefined);
  const [unread, setUnread] = useState(0);

  // Only on start: later language changes go through setLanguage.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, with the language remembered at start
  useEffect(() => {
    let isActive = true;
    api('GET /api/auth/me')
      .then((p) => isActive && setPrincipal(p))
      .catch(() => isActive && setPrincipal(null));
    // The server localises problem titles by its language cookie: tell it the remembered choice.
    api('PUT /api/auth/language', { body: { lang } }).catch(() => undefined);
    return () => {
      isActive = false;
    };
  }, []);

  const refreshUnread = useCallback(async () => {
    try {
      const inbox = await api('GET /api/notifications', { query: { unread: true, limit: 1 } });
      setUnread(inbox.unread);
    } catch (e) {
      if (isApiError(e) && e.status === 401) setPrincipal(null);
    }
  }, []);

  useEffect(() => {
    if (!principal) return;
    void refreshUnread();
    const timer = window.setInterval(() => void refreshUnread(), 60_000);
    return () => window.clearInterval(timer);
  }, [principal, refreshUnread]);

  const login = useCallback(async (loginName: string, secret: string) => {
    const session = await api('POST /api/auth/login', { body: { login: loginName, secret } });
    setPrincipal(session.principal);
    return session.principal;
  }, []);

  const logout = useCallback(async () => {
    await api('POST /api/auth/logout').catch(() => undefined);
    setPrincipal(null);
    setUnread(0);
  }, []);

  const setLanguage = useCallback(
    async (next: Language) => {
      await i18n.changeLanguage(next);
      document.documentElement.lang = next;
      try {
        window.localStorage.setItem(LANG_STORAGE_KEY, next);
      } catch {
        // Storage may be blocked; the choice then lasts for this page only.
      }
      await api('PUT /api/auth/language', { body: { lang: next } }).catch(() => undefined);
    },
    [i18n],
  );

  const value = useMemo<SessionValue>(
    () => ({ principal, role: principal?.role as Role | undefined, lang, unread, login, logout, setLanguage, refreshUnread }),
    [principal, lang, unread, login, logout, setLanguage, refreshUnread],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
