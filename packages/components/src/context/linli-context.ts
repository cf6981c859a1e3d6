import { createContext } from '@lit/context';
import type { LinliClient, Locale } from '@linli/sdk';

/** What `<linli-provider>` gives its descendants. */
export interface LinliContextValue {
  client?: LinliClient;
  /** An explicit locale from the provider; otherwise each component reads the nearest `lang`. */
  locale?: Locale;
}

export const linliContext = createContext<LinliContextValue>(Symbol.for('linli-context'));
