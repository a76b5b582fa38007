// Build-time variables this app reads (Vite replaces them with constants).
interface ImportMetaEnv {
  /** JSON tenant configuration baked into the build; otherwise config.json beside index.html is read. */
  readonly VITE_TENANT_CONFIG?: string;
  /** m365-double mode only: the Graph double's token endpoint for the test sign-in. */
  readonly VITE_TEST_TOKEN_URL?: string;
  /** m365-double mode only: the fictional user the test sign-in suggests. */
  readonly VITE_TEST_USER?: string;
}
