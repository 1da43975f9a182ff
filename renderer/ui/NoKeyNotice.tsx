import { Notice } from './Notice.tsx';

/** Shown when the page has neither the Electron preload nor the key from the printed address. */
export function NoKeyNotice() {
  return (
    <main className="no-key">
      <h1 className="app-title">Cutover</h1>
      <Notice tone="error">
        <p className="notice-title">Open the address Cutover printed in the terminal; it includes a key.</p>
        <p>
          This page cannot reach Cutover without it. Run <code>cutover serve</code> and open the full address
          it prints, including the part after <code>#token=</code>.
        </p>
      </Notice>
    </main>
  );
}
