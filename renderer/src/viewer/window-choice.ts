// The window for a choice in the viewer's Contrast menu: the file's own, the frame's full range,
// or a CT preset.
import type { DecodedFrame, Window } from '../../../shared/imaging/frame.js';
import { CT_WINDOW_PRESETS, defaultWindow } from '../../../shared/imaging/windows.js';

export function windowForChoice(choice: string, frame: DecodedFrame): Window {
  const preset = CT_WINDOW_PRESETS.find((p) => p.id === choice);
  if (preset) return { center: preset.center, width: preset.width };
  if (choice === 'full') return defaultWindow({ ...frame, voi: { ...frame.voi, windows: [] } });
  return defaultWindow(frame);
}
