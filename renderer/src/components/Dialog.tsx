// A modal dialog on the native <dialog> element: the browser keeps focus inside it and closes it
// on Escape. Focus moves to the element marked `data-autofocus` (else the first control) when it
// opens, and returns to whatever had it before when it closes.
import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export function Dialog({ title, onClose, children, role = 'dialog' }: { title: string; onClose: () => void; children: ReactNode; role?: 'dialog' | 'alertdialog' }) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>('input, select, textarea, button');
    first?.focus();
    const cancel = (e: Event) => {
      e.preventDefault(); // the parent decides; it unmounts us
      closeRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
      // The opener may have been re-rendered away; then focus the main region instead.
      if (opener?.isConnected) opener.focus();
      else document.getElementById('main')?.focus();
    };
  }, []);
  // Portalled to <body> so a dialog opened from inside a form is not a form inside a form.
  return createPortal(
    <dialog ref={ref} className="modal" role={role === 'alertdialog' ? 'alertdialog' : undefined} aria-labelledby="modal-title">
      <h2 id="modal-title">{title}</h2>
      {children}
    </dialog>,
    document.body,
  );
}
