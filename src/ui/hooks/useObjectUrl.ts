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

/** The safe file name of a base name (kept here for the hook's users; the rule lives in app/exportFileName.ts). */
export { fileNameFor } from "../../app/exportFileName";
