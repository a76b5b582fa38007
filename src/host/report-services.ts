// Loaded on the first visit to the Reports screen (its own chunk): the renderer, the publisher for this mode, and the
// identifier register with the leak scan.
import { createReportArchive } from '../adapters/local/report-archive';
import { randomIds, systemClock } from '../adapters/local/system';
import { registerChecks } from '../app/reports/public-report-checks';
import type { ReportPublisher } from '../ports/report-publisher';
import type { ReportServices } from '../ui/app-services';
import { browserReportRenderer } from './report-rendering';

export function reportServices(publisher: ReportPublisher): ReportServices {
  return { renderer: browserReportRenderer, publisher, checks: registerChecks };
}

let archive: ReportPublisher | null = null;
/** Standalone mode: this browser's stage archive. */
export function standaloneReportServices(): ReportServices {
  archive ??= createReportArchive('learning-together-reports', systemClock, randomIds);
  return reportServices(archive);
}
