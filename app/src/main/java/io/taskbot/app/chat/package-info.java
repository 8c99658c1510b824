/** What contracts 000 and 003 share about chatting: which conversation a message goes to, and the user's zone. */
package io.taskbot.app.chat;
