declare module 'html-encoding-sniffer' {
  interface SniffOptions {
    xml?: boolean;
    transportLayerEncodingLabel?: string;
    defaultEncoding?: string;
  }
  /** Returns the canonical WHATWG encoding name for the bytes (HTML Standard sniffing algorithm). */
  export default function sniffHTMLEncoding(bytes: Uint8Array, options?: SniffOptions): string;
}
