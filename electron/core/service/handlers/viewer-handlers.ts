// images.*, documents.view and the thumbnails: what the app's viewers and record lists show.
import { imageSeries } from '../../records/image-series.js';
import { readImageFrame } from '../../records/image-frames.js';
import { recordDocumentView } from '../../records/document-view.js';
import { recordThumbnail, storeThumbnail } from '../../records/thumbnail.js';
import type { Handlers, HandlerContext } from './types.js';

type ViewerMethods = 'images.series' | 'images.frame' | 'documents.view' | 'records.thumbnail' | 'records.storeThumbnail';

export function viewerHandlers({ session, datasets }: HandlerContext): Pick<Handlers, ViewerMethods> {
  return {
    'images.series': ({ recordId }) => imageSeries(session.open().db, recordId),
    'images.frame': ({ fileId, frame }) => readImageFrame(session.open(), datasets, fileId, frame),
    'documents.view': ({ recordId }) => recordDocumentView(session.open(), recordId),
    'records.thumbnail': ({ id }) => recordThumbnail(session.open(), id),
    'records.storeThumbnail': ({ id, image }) => storeThumbnail(session.open(), id, image),
  };
}
