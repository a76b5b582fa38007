import { useEffect, useState } from 'react';
import { useAppServices, type ReportServices } from '../../app-services';

/** The reports capability, loaded on first use (its own chunk); null while loading or where the host offers none. */
export function useReportServices(): { readonly reports: ReportServices | null; readonly problem: string | null } {
  const { reports: load } = useAppServices();
  const [state, setState] = useState<{ reports: ReportServices | null; problem: string | null }>({ reports: null, problem: null });
  useEffect(() => {
    let live = true;
    if (!load) return;
    load().then(
      (reports) => live && setState({ reports, problem: null }),
      (error: unknown) =>
        live && setState({ reports: null, problem: `The reports could not be loaded: ${error instanceof Error ? error.message : String(error)}` }),
    );
    return () => {
      live = false;
    };
  }, [load]);
  return state;
}

/** Saves bytes as a file through the browser's download. */
export function saveFile(fileName: string, bytes: Uint8Array, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
