export async function renderReportPdf(): Promise<Buffer> { return Buffer.alloc(0); }
