/** The MongoDB that holds read models and accounts: a real server when configured, an in-process one otherwise. */
package io.taskbot.app.readmodel;
