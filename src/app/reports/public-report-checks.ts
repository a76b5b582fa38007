import { buildIdentifierRegister } from '../../domain/identifiers/register';
import { redactText } from '../../domain/identifiers/redact';
import type { ReviewSnapshot } from '../../domain/model';
import { scanDocx } from './leak-scan';
import type { LeakFinding, PublicReportChecks } from './publish-report';

/** The public report is rendered through the review's identifier register and its finished file scanned with the same register. */
export const registerChecks: PublicReportChecks = {
  anonymiserFor(snapshot: ReviewSnapshot) {
    const register = buildIdentifierRegister(snapshot);
    return (text) => redactText(text, register);
  },
  async findLeaks(snapshot: ReviewSnapshot, bytes: Uint8Array): Promise<LeakFinding[]> {
    const register = buildIdentifierRegister(snapshot);
    const hits = await scanDocx(bytes, register);
    return hits.map((hit) => ({ describe: `“${hit.found}” in ${hit.location}: …${hit.context}…` }));
  },
};
