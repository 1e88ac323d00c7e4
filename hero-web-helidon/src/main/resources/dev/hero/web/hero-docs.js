// Swagger UI on the document this server serves; nothing is loaded from elsewhere (no validator badge either).
// Started as soon as this script runs (it is the last element of the body, so #swagger-ui exists), not on
// window.onload: under a driven headless Chromium the load handler was sometimes never called, leaving a blank page.
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  plugins: [SwaggerUIBundle.plugins.DownloadUrl],
  layout: "StandaloneLayout"
});
