/**
 * Stores in a SQL database that several instances of an application share: {@link dev.pdpkit.jdbc.JdbcTokenStore}
 * (OAuth tokens per principal, with a refresh lock that holds across instances), {@link
 * dev.pdpkit.jdbc.JdbcPendingClaimStore} and {@link dev.pdpkit.jdbc.JdbcClaimReplayGuard} (the claim flow behind a
 * load balancer), optional {@link dev.pdpkit.jdbc.AtRestEncryption}, and the schema in {@link
 * dev.pdpkit.jdbc.JdbcSchema}. Written and tested for PostgreSQL.
 */
package dev.pdpkit.jdbc;
