// A failure told in the reviewer's language (issue 16: an English error in the Chinese UI).
// (Type-checked with the renderer's own settings: renderer/tsconfig.json includes this folder.)
import { describe, expect, it } from 'vitest';
import { errorText } from '../../../renderer/src/errors';
import { ApiError } from '../../../renderer/src/api';

describe('a failure told to the reviewer', () => {
  it("keeps the backend's own Chinese words", () => {
    expect(errorText(new ApiError('not-found', '案件不存在：x', 'getCase'), 'zh')).toBe('案件不存在：x');
  });

  it("never shows a host's English in the Chinese UI", () => {
    expect(errorText(new ApiError('BRIDGE_UNREACHABLE', 'Failed to fetch', 'listCases'), 'zh')).toBe(
      '无法连接后台服务，请确认程序仍在运行后重试。',
    );
    expect(errorText(new ApiError('unknown-method', 'Unknown method: foo', 'foo'), 'zh')).toMatch(/^后台不支持此操作/);
    expect(errorText(new ApiError('HTTP_502', 'Bad Gateway', 'listCases'), 'zh')).toBe('后台服务返回错误（502）。');
    expect(errorText(new TypeError('Cannot read properties of undefined'), 'zh')).toBe('后台处理时出错。');
    expect(errorText('boom', 'zh')).toBe('后台处理时出错。');
  });

  it('gives an English reader the words as they came', () => {
    expect(errorText(new ApiError('BRIDGE_UNREACHABLE', 'Failed to fetch', 'listCases'), 'en')).toBe('Failed to fetch');
  });
});
