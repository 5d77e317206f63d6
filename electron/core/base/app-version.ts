// The version written into bundles (README.TXT, XDM, DICOM implementation version) and shown in the
// app and CLI: package.json's, inlined by the bundler, so browser mode and the CLI agree with it.
import { version } from '../../../package.json';

export const APP_VERSION: string = version;
