/**
 * The web console at {@code /}: a page and its static assets, public, served from the jar; the page itself uses the
 * token-only APIs like any other client.
 */
package io.taskbot.app.console;
