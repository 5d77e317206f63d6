// The end of every dialog form: the error (announced), then the submit button and Cancel.
export function FormFooter({ error, submitLabel, onCancel }: { error: string | null; submitLabel: string; onCancel: () => void }) {
  return (
    <>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="row">
        <button className="primary" type="submit">{submitLabel}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </>
  );
}
