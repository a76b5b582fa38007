import { createContext, useContext, type ReactNode } from 'react';
import type { ReviewService } from '../app/review-service';

export type AppMode = 'standalone' | 'microsoft365';

/** Everything the screens need from the outside world, chosen by src/host at start-up. */
export interface AppServices {
  readonly service: ReviewService;
  readonly mode: AppMode;
  /** Who is signed in (Microsoft 365) or the name typed in this browser (standalone). */
  readonly userName: string;
  /** Loads the fictional training case into the store; returns its review id. */
  readonly loadTrainingCase?: () => Promise<string>;
}

const AppServicesContext = createContext<AppServices | null>(null);

export function AppServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <AppServicesContext.Provider value={services}>{children}</AppServicesContext.Provider>;
}

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useAppServices outside AppServicesProvider');
  return services;
}
