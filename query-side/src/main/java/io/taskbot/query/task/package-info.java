/** The task read model in MongoDB: the projection that builds it and the query handlers that answer from it. */
package io.taskbot.query.task;
