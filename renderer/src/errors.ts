// A failure told in the reviewer's language. The backend's own messages are Chinese
// (CaseReviewError); what a host adds on the way (the bridge, the network, the
// browser) is English or a code, and is never shown as is in the Chinese UI.
import { ApiError } from './api';

type Lang = 'zh' | 'en';

const TEXT: Record<string, Record<Lang, string>> = {
  BRIDGE_UNREACHABLE: {
    zh: '无法连接后台服务，请确认程序仍在运行后重试。',
    en: 'The backend cannot be reached; check that the program is still running, then retry.',
  },
  unauthorized: {
    zh: '访问凭证无效，请用程序启动时给出的地址重新打开。',
    en: 'The access token is missing or wrong; reopen the address the program printed when it started.',
  },
  'forbidden-origin': { zh: '请求来源不被允许。', en: 'Requests from this origin are refused.' },
  'invalid-request': { zh: '请求的参数无效。', en: 'The request was not valid.' },
  'too-large': { zh: '请求内容过大。', en: 'The request is too large.' },
  unavailable: { zh: '后台服务暂不可用，请稍后重试。', en: 'The backend is not available right now; retry in a moment.' },
  internal: { zh: '后台处理时出错。', en: 'The backend failed while doing this.' },
  'not-found': { zh: '请求的内容不存在。', en: 'What was asked for does not exist.' },
  'unknown-method': {
    zh: '后台不支持此操作，请确认程序版本一致。',
    en: 'The backend does not know this request; check the program versions match.',
  },
  'bad-json': { zh: '请求的内容无法解析。', en: 'The request could not be read.' },
  'bad-host': { zh: '访问地址不被允许，请用程序启动时给出的地址打开。', en: 'This address is refused; open the one the program printed.' },
  'method-not-allowed': { zh: '不支持的访问方式。', en: 'This kind of request is not allowed.' },
  busy: { zh: '该案件正被另一程序处理，请稍后重试。', en: 'Another program is working on this case; retry later.' },
};

const HAS_HAN = /[\u4e00-\u9fff]/;

function documentLang(): Lang {
  return typeof document !== 'undefined' && document.documentElement.lang.startsWith('en') ? 'en' : 'zh';
}

/** The message for a failure, in the UI's language (the page's, unless told) where the failure's own words are not. */
export function errorText(err: unknown, l: Lang = documentLang()): string {
  const message = err instanceof Error ? err.message : String(err);
  // English readers get the host's words as they are; the backend's Chinese ones are still exact.
  if (l === 'en') return message || (TEXT.internal?.en ?? '');
  // Chinese words from the backend are the most precise account of what went wrong.
  if (HAS_HAN.test(message)) return message;
  const code = err instanceof ApiError ? err.code : '';
  const known = TEXT[code] ?? (/^HTTP_\d+$/.test(code) ? { zh: `后台服务返回错误（${code.slice(5)}）。`, en: '' } : null);
  return known?.zh ?? TEXT.internal?.zh ?? '';
}
