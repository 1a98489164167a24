// The environment the backend process starts with (the desktop app's utility process, the CLI, which
// runs itself again with it (cli/backend-env.ts), and the scale bench's review child, which measures
// the app as it runs).
//
// glibc gives each thread that allocates its own malloc arena; the OCR workers, onnxruntime's and
// libvips's threads each grow one and keep it. Two arenas hold a review's peak far lower at the same
// speed (measured, `npm run bench -- scale --only=review --pages=60`: peak RSS 1.25 GB with the
// default, 1.12 GB with 2, 1.08 GB with 1; pages/min 89.8, 89.3, 87.3).
import { ORT_NO_TELEMETRY } from './ocr/ppocr/no-telemetry.js';

// ORT_DISABLE_TELEMETRY: onnxruntime's telemetry off from the process's start (see ocr/ppocr/no-telemetry.ts).
export const BACKEND_PROCESS_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2', ...ORT_NO_TELEMETRY };
