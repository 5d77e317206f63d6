// Allocation limits for decoding: a hostile header must not make us allocate gigabytes.

/** Most samples (rows × columns × samples per pixel) decoded for one frame: 128 Mi (e.g. 11,585² gray). */
export const MAX_DECODED_SAMPLES = 1 << 27;
