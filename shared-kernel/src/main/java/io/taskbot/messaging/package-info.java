/** Conventions shared by every message: the metadata that records who, how and why. */
package io.taskbot.messaging;
