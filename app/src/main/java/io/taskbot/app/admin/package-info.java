/** The operators' endpoints under {@code /api/admin}: read-model state and rebuilds, and dead letters. Admins only. */
package io.taskbot.app.admin;
