/** Typed configuration and the defaults of the zero-setup run. */
package io.taskbot.app.config;
