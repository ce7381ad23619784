/** jsdom's Blob (and so File) cannot give its bytes as a promise (no arrayBuffer()); FileReader can. Imported, it fills that in. */
export function blobBytes(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (reader.result instanceof ArrayBuffer ? resolve(reader.result) : reject(new Error("FileReader gave no bytes")));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsArrayBuffer(blob);
  });
}

if (!("arrayBuffer" in Blob.prototype)) {
  Object.defineProperty(Blob.prototype, "arrayBuffer", {
    value: function (this: Blob) {
      return blobBytes(this);
    },
  });
}
