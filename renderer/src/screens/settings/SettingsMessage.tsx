// A panel's answer: a status when it went well, an alert when it did not.
export interface Message {
  ok: boolean;
  text: string;
}

export function SettingsMessage({ message }: { message: Message | null }) {
  if (!message) return null;
  return <p className={message.ok ? 'ok-text' : 'error'} role={message.ok ? 'status' : 'alert'}>{message.text}</p>;
}
