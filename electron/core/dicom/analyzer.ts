// The import pipeline's analyzer for DICOM instances, and the content sniff that routes files here.
import type { Analysis, Analyzer } from '../base/analysis.js';
import { sniffRawDataset } from './dataset.js';
import { parseDicomInstance } from './parse.js';

export const analyzeDicom: Analyzer = async ({ bytes }): Promise<Analysis> => {
  const info = parseDicomInstance(bytes);
  return {
    format: 'dicom',
    kind: 'imaging',
    type: 'imaging',
    typeGuessed: false,
    title: info.studyDescription ?? `${info.modality} study`,
    ...(info.studyDate ? { date: info.studyDate } : {}),
    dateGuessed: false,
    ...(info.institution ? { institution: info.institution } : {}),
    identity: info.patient,
    dicom: info,
    metadata: { tags: info.tags },
  };
};

/**
 * True for a Part 10 file ("DICM" after the preamble), one whose preamble was stripped, or a bare
 * dataset whose first elements decode plausibly (group 0002/0008 first, ascending tags).
 * `head` can be just the first few KiB of the file.
 */
export function looksLikeDicom(head: Uint8Array): boolean {
  const dicm = (at: number): boolean =>
    head[at] === 0x44 && head[at + 1] === 0x49 && head[at + 2] === 0x43 && head[at + 3] === 0x4d;
  return dicm(128) || dicm(0) || sniffRawDataset(head) !== null;
}
