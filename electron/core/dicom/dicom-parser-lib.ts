// dicom-parser ships a UMD bundle: Node's ESM loader and esbuild's CJS output both expose it as the
// default export only, so every module here takes the library through this one import.
import dicomParserModule from 'dicom-parser';
import type { ByteArrayParser, DataSet, Element, ParseDicomOptions } from 'dicom-parser';

export type { DataSet, Element };

interface DicomParserApi {
  parseDicom(arr: Uint8Array, options?: ParseDicomOptions): DataSet;
  readPart10Header(arr: Uint8Array): DataSet;
  littleEndianByteArrayParser: ByteArrayParser;
}

export const dicomParser = dicomParserModule as unknown as DicomParserApi;
