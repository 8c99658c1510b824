/**
 * What every contract shares on the web: error bodies in each contract's own format, request ids and body limits.
 */
package io.taskbot.app.web;
