// The version written into bundles (README.TXT, XDM, DICOM implementation version) and shown in the app.
export const APP_VERSION = '0.1.0';
