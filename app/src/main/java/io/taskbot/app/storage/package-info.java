/**
 * What the node does when the disk under its data dir is full: writes are refused with {@code 503}, health says
 * unhealthy, and once there is space again the embedded stores reopen, reconnect or restart by themselves.
 */
package io.taskbot.app.storage;
