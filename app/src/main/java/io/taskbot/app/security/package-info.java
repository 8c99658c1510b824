/** Authentication with HS256 JWTs through Spring Security's resource server, the same tokens for every contract. */
package io.taskbot.app.security;
