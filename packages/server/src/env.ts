import type { AppContext, SignedIn } from '@attain/app';

/** Per-request values shared by middleware and handlers. */
export interface AppEnv {
  Variables: {
    ctx: AppContext;
    signedIn: SignedIn | null;
  };
}
