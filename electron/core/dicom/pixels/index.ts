// The pixel engine: decodes one frame of a DICOM instance for the viewer, thumbnails and bundles.
export { decodeFrame, decodeFrameSync, decodeOpenedFrame, frameCount, openInstance, openedFrameCount, type OpenedInstance } from './decode.js';
export { PixelDecodeError } from './errors.js';
export { MAX_DECODED_SAMPLES } from './limits.js';
export { renderFrameImage, type RenderedImage, type RenderOptions } from './render.js';
export { codecFiles, RUNTIME_CODECS } from './codecs/files.js';
