import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

// The popup lands here after Entra ID; this hands the response to the app's window, which closes the popup.
// Nothing else may run on this page (and it must not be served with Cross-Origin-Opener-Policy).
broadcastResponseToMainFrame().catch((error: unknown) => {
  const message = document.createElement('p');
  message.textContent = `Sign-in could not be completed: ${error instanceof Error ? error.message : String(error)}`;
  document.body.replaceChildren(message);
});
