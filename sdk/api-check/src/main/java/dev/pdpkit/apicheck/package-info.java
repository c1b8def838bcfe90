/**
 * The public-API guard of pdpkit: lists the public signatures of a module's compiled classes
 * ({@link dev.pdpkit.apicheck.ApiListing}) and finds internal types that leak into them
 * ({@link dev.pdpkit.apicheck.InternalLeaks}). Packages with an {@code internal} segment are not API.
 */
package dev.pdpkit.apicheck;
