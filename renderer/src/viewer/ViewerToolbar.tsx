// The viewer's controls: tool for dragging, window presets, zoom, rotate, flip, invert, cine and
// full screen. Every control is a labelled button or select; toggles say whether they are on.
import type { Window } from '../../../shared/imaging/frame.js';
import type { CtWindowPresetId } from '../../../shared/imaging/windows.js';
import type { Tool } from './use-stage-input.js';

const PRESET_WORDS: Record<CtWindowPresetId, string> = { 'soft-tissue': 'Soft tissue', lung: 'Lung', bone: 'Bone', brain: 'Brain' };
const TOOL_WORDS: Record<Tool, string> = { window: 'Contrast', pan: 'Move', zoom: 'Zoom' };
export const CINE_SPEEDS = [5, 10, 15, 24, 30] as const;

export interface ToolbarProps {
  tool: Tool;
  onTool(t: Tool): void;
  presets: readonly ({ id: CtWindowPresetId } & Window)[];
  /** 'file' (the file's own window), 'full' (the frame's whole range), a preset id, or 'custom'. */
  windowChoice: string;
  onWindowChoice(choice: string): void;
  onZoom(factor: number): void;
  onFit(): void;
  onRotate(by: 90 | -90): void;
  flipH: boolean;
  flipV: boolean;
  onFlip(axis: 'h' | 'v'): void;
  invert: boolean;
  onInvert(): void;
  canPlay: boolean;
  playing: boolean;
  onPlay(): void;
  fps: number;
  onFps(fps: number): void;
  fullScreen: boolean;
  onFullScreen(): void;
}

function Toggle({ on, onClick, label, children }: { on: boolean; onClick: () => void; label?: string; children: string }) {
  return <button type="button" className="tool" aria-pressed={on} aria-label={label} onClick={onClick}>{children}</button>;
}

export function ViewerToolbar(p: ToolbarProps) {
  return (
    <div className="viewer-toolbar" role="toolbar" aria-label="Image tools">
      <div className="tool-group" role="group" aria-label="Dragging the image changes">
        {(Object.keys(TOOL_WORDS) as Tool[]).map((t) => <Toggle key={t} on={p.tool === t} onClick={() => p.onTool(t)} label={`Drag to change ${TOOL_WORDS[t].toLowerCase()}`}>{TOOL_WORDS[t]}</Toggle>)}
      </div>
      <label className="inline-label">
        <span>Preset</span>
        <select value={p.windowChoice} onChange={(e) => p.onWindowChoice(e.target.value)}>
          <option value="file">As stored</option>
          <option value="full">Full range</option>
          {p.presets.map((w) => <option key={w.id} value={w.id}>{PRESET_WORDS[w.id]} (W {w.width} · L {w.center})</option>)}
          {p.windowChoice === 'custom' && <option value="custom">Adjusted</option>}
        </select>
      </label>
      <div className="tool-group" role="group" aria-label="Size and orientation">
        <button type="button" className="tool" aria-label="Zoom in" onClick={() => p.onZoom(1.25)}>+</button>
        <button type="button" className="tool" aria-label="Zoom out" onClick={() => p.onZoom(0.8)}>−</button>
        <button type="button" className="tool" onClick={p.onFit}>Fit</button>
        <button type="button" className="tool" aria-label="Rotate left" onClick={() => p.onRotate(-90)}>⟲</button>
        <button type="button" className="tool" aria-label="Rotate right" onClick={() => p.onRotate(90)}>⟳</button>
        <Toggle on={p.flipH} onClick={() => p.onFlip('h')} label="Flip left to right">⇆</Toggle>
        <Toggle on={p.flipV} onClick={() => p.onFlip('v')} label="Flip upside down">⇅</Toggle>
        <Toggle on={p.invert} onClick={p.onInvert} label="Invert">Invert</Toggle>
      </div>
      {p.canPlay && (
        <div className="tool-group" role="group" aria-label="Play through the images">
          <button type="button" className="tool" aria-pressed={p.playing} onClick={p.onPlay}>{p.playing ? 'Pause' : 'Play'}</button>
          <label className="inline-label">
            <span className="sr-only">Speed</span>
            <select value={p.fps} onChange={(e) => p.onFps(Number(e.target.value))} aria-label="Speed, images per second">
              {CINE_SPEEDS.map((s) => <option key={s} value={s}>{s} / s</option>)}
            </select>
          </label>
        </div>
      )}
      <Toggle on={p.fullScreen} onClick={p.onFullScreen}>Full screen</Toggle>
    </div>
  );
}
