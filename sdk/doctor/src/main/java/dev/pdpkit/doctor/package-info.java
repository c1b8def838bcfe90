/**
 * {@link dev.pdpkit.doctor.ConnectionDoctor}: why does my Prisma Postgres database not connect? Start with
 * {@code ConnectionDoctor.builder()}; each check returns a {@link dev.pdpkit.doctor.DoctorReport} with a
 * {@link dev.pdpkit.doctor.Finding}. Everything under {@code internal} may change without notice.
 */
package dev.pdpkit.doctor;
