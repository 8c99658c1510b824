/** Identity of the people who own tasks and conversations. */
package io.taskbot.user;
