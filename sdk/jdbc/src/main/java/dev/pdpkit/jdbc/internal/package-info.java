/** Implementation details of pdpkit-jdbc; not a public API, may change in any release. */
package dev.pdpkit.jdbc.internal;
