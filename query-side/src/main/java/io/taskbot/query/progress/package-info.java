/** Read-your-writes: lets a reader wait until a read model has applied a given version of an aggregate. */
package io.taskbot.query.progress;
