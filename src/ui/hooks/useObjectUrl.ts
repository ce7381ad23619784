/** An object URL for text content, revoked when the content changes or the component unmounts. */
import { useEffect, useState } from "react";

export function useObjectUrl(content: string | null, mimeType: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (content === null) {
      setUrl(null);
      return undefined;
    }
    const created = URL.createObjectURL(new Blob([content], { type: mimeType }));
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [content, mimeType]);
  return url;
}

const FORBIDDEN_IN_FILE_NAMES = '\\/:*?"<>|';

/** A file name from a sheet name: characters that file systems reject become "_". */
export function fileNameFor(sheet: string, extension: string): string {
  const safe = [...sheet].map((ch) => (ch.charCodeAt(0) < 32 || FORBIDDEN_IN_FILE_NAMES.includes(ch) ? "_" : ch)).join("").trim() || "return";
  return `${safe}.${extension}`;
}
