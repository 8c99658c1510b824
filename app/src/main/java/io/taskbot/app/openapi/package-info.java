/** The OpenAPI document of the three contracts ({@code /v3/api-docs}) and its Swagger UI. */
package io.taskbot.app.openapi;
