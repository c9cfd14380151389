// Kept out of the page so that its Content-Security-Policy can forbid inline scripts.
window.ui = SwaggerUIBundle({ url: "/openapi", dom_id: "#swagger-ui" });
