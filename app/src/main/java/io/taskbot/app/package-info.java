/** The Spring Boot application that assembles Taskbot. */
package io.taskbot.app;
