import type { ComplaintAcknowledged, ComplaintFiled, ComplaintReopened, ComplaintResolved } from './events.js';
import type { Complaint } from './case-state.js';

type ComplaintEvent = ComplaintFiled | ComplaintAcknowledged | ComplaintResolved | ComplaintReopened;

/** One complaint's own small lifecycle: filed ─acknowledge→ acknowledged ─resolve→ resolved ─reopen→ acknowledged. */
const evolveOne = (complaint: Complaint, event: Exclude<ComplaintEvent, ComplaintFiled>): Complaint => {
  switch (event.type) {
    case 'ComplaintAcknowledged':
      return complaint.status === 'filed'
        ? { ...complaint, status: 'acknowledged', department: event.data.department, acknowledgedAt: event.occurredAt }
        : complaint;
    case 'ComplaintResolved':
      return complaint.status === 'acknowledged'
        ? { ...complaint, status: 'resolved', resolution: event.data.resolution, resolvedAt: event.occurredAt }
        : complaint;
    case 'ComplaintReopened':
      return complaint.status === 'resolved'
        ? { ...complaint, status: 'acknowledged', resolution: null, resolvedAt: null, reopenCount: complaint.reopenCount + 1 }
        : complaint;
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
};

export const evolveComplaints = (complaints: readonly Complaint[], event: ComplaintEvent): readonly Complaint[] => {
  if (event.type === 'ComplaintFiled') {
    if (complaints.some((c) => c.complaintId === event.data.complaintId)) return complaints;
    const { complaintId, category, severity, description } = event.data;
    const filed: Complaint = {
      complaintId,
      category,
      severity,
      description,
      status: 'filed',
      department: null,
      filedAt: event.occurredAt,
      acknowledgedAt: null,
      resolvedAt: null,
      resolution: null,
      reopenCount: 0,
    };
    return [...complaints, filed];
  }
  return complaints.map((c) => (c.complaintId === event.data.complaintId ? evolveOne(c, event) : c));
};
