// One decoded DICOM frame as it crosses the API: plain numbers and strings plus typed arrays, so
// structured clone (IPC, worker threads) copies the pixels as one block, never as number arrays.

export type SampleType = 'u8' | 'i8' | 'u16' | 'i16' | 'i32' | 'f32';
export type SampleArray = Uint8Array | Int8Array | Uint16Array | Int16Array | Int32Array | Float32Array;

/** A LUT (PS3.3 C.11.1): entries map input values firstMapped… to `data`, `bits` wide. */
export interface Lut {
  /** The input value mapped to data[0]; lower inputs take data[0], higher ones the last entry. */
  firstMapped: number;
  /** Bits per entry from the LUT Descriptor (what full scale means for a VOI LUT). */
  bits: number;
  data: Uint16Array;
  explanation?: string;
}

/** Modality transform (PS3.3 C.11.1): stored value → modality value (e.g. Hounsfield units). */
export type ModalityTransform =
  | { kind: 'rescale'; slope: number; intercept: number; type?: string }
  | { kind: 'lut'; lut: Lut; type?: string };

export type VoiLutFunction = 'LINEAR' | 'LINEAR_EXACT' | 'SIGMOID';

export interface Window {
  center: number;
  width: number;
  explanation?: string;
}

export interface Voi {
  /** The file's windows in file order; the first is the default. */
  windows: Window[];
  /** The file's VOI LUTs (VOI LUT Sequence), applied instead of a window when asked. */
  luts: Lut[];
  function: VoiLutFunction;
}

export interface DecodedFrame {
  rows: number;
  columns: number;
  /** gray: one stored value per pixel; rgb: 8-bit R, G, B interleaved (palette and YBR converted). */
  kind: 'gray' | 'rgb';
  sampleType: SampleType;
  /** gray: stored values (masked to bitsStored, sign-extended); rgb: always u8. */
  samples: SampleArray;
  bitsStored: number;
  /** gray only: stored → modality values. */
  modality: ModalityTransform;
  voi: Voi;
  /** MONOCHROME1: the lowest value is displayed white. */
  invert: boolean;
  /** Range of the stored values in this frame (for LUT sizing). */
  storedMin: number;
  storedMax: number;
  /** Range of the modality values in this frame (the default window without a file window). */
  min: number;
  max: number;
  /** Physical distance between pixel centres in mm (row = vertical, column = horizontal). */
  pixelSpacing?: { row: number; column: number; source: 'pixel-spacing' | 'imager-pixel-spacing' };
  /** Pixel Aspect Ratio (vertical : horizontal) when there is no spacing. */
  aspectRatio?: { vertical: number; horizontal: number };
  /** The file's Photometric Interpretation, for information. */
  photometric: string;
  frameIndex: number;
  frameCount: number;
}
