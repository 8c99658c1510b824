/** Accounts: registration, password policy and credential checks, kept in MongoDB and never in events. */
package io.taskbot.app.account;
