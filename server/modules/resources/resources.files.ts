import type { ResourceMime } from '../../../shared/resources';
import { AppError, ValidationError } from '../../errors';

const SIGNATURES: { mime: ResourceMime; test: (b: Buffer) => boolean }[] = [
  { mime: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  {
    mime: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'image/webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

/** The largest JSON body that can carry a file of `maxBytes` in base64, with room for the other fields. */
export function versionBodyLimit(maxBytes: number): number {
  return Math.ceil(maxBytes / 3) * 4 + 64 * 1024;
}

/**
 * What an upload is, by its first bytes: a name or a declared type is whatever the sender wrote, and an
 * HTML page or an SVG (which may carry script) named `.pdf` must never be served back as a sheet.
 */
export function checkedFile(base64: string, maxBytes: number): { data: Buffer; mime: ResourceMime } {
  const data = Buffer.from(base64, 'base64');
  if (data.length > maxBytes) {
    throw new AppError(413, 'file_too_large', `The file is larger than ${Math.floor(maxBytes / 1024)} KB`, [
      { path: 'body.file', message: `must be at most ${maxBytes} bytes` },
    ]);
  }
  const found = SIGNATURES.find((s) => s.test(data));
  if (!found) {
    throw new ValidationError(
      [{ path: 'body.file', message: 'must be a PDF or a PNG, JPEG or WebP image' }],
      'The file is not a PDF or an image',
    );
  }
  return { data, mime: found.mime };
}
