/** Implementation details of the OAuth module; not a public API and subject to change without notice. */
package dev.pdpkit.oauth.internal;
