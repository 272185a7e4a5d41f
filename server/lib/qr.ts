/**
 * A QR code for a public link, as an SVG document (scales for print and phone alike). The encoder is
 * loaded on the first code drawn: most starts never draw one, and loading it took about 30 ms.
 */
export async function qrSvg(url: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
