// onnxruntime 1.29 and later ship 1DS telemetry on Linux and macOS (microsoft/onnxruntime#27379): a
// process-info event when ORT's environment is created and session events after it, uploaded to
// mobile.events.data.microsoft.com. This app contacts nothing off the machine, so it is turned off for
// the whole process before any worker loads ORT: ORT_DISABLE_TELEMETRY=1, read by ORT at initialisation,
// creates no uploader, no device identifier and no offline cache. Found by
// test/integration/offline.test.ts (strace saw the DNS query for that host on a clean clone's run).
export const ORT_NO_TELEMETRY = { ORT_DISABLE_TELEMETRY: '1' } as const;

export function disableOrtTelemetry(): void {
  // process.env's setter changes the process's own environment, which ORT's native getenv reads in every thread.
  Object.assign(process.env, ORT_NO_TELEMETRY);
}
