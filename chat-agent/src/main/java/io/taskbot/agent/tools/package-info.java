/** The five tools of contract 003, thin adapters over Axon's command and query gateways. */
package io.taskbot.agent.tools;
