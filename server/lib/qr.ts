import QRCode from 'qrcode';

/** A QR code for a public link, as an SVG document (scales for print and phone alike). */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
