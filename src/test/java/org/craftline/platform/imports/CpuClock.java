package org.craftline.platform.imports;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a run took, from Linux's {@code /proc}: the benchmark's JVM, every process named
 * {@code postgres} on this machine (its own time, and for the server's main process the time of
 * the children it has reaped: parallel workers, autovacuum), and the machine's idle and stolen
 * time (all CPUs together; stolen is time the hypervisor gave another guest). So a slower machine
 * (more PostgreSQL CPU for the same work, or stolen time) can be told from waiting (more idle).
 */
final class CpuClock {

    private CpuClock() {}

    /** Linux reports {@code /proc} times in USER_HZ, 100 a second on every architecture it runs on. */
    static final double TICKS = 100.0;

    static final String SOURCES = "the JVM's own; PostgreSQL's, all postgres processes of this machine, n/a"
            + " when the server is not here; idle and steal, all CPUs, from /proc/stat";

    record Sample(long jvmNanos, long postgresTicks, long idleTicks, long stealTicks) {
        Sample minus(Sample before) {
            return new Sample(
                    jvmNanos - before.jvmNanos,
                    postgresTicks < 0 || before.postgresTicks < 0 ? -1 : postgresTicks - before.postgresTicks,
                    idleTicks - before.idleTicks,
                    stealTicks - before.stealTicks);
        }
    }

    static Sample sample() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long idle = 0;
        long steal = 0;
        try {
            // cpu  user nice system idle iowait irq softirq steal ...
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            steal = cpu.length > 8 ? Long.parseLong(cpu[8]) : 0;
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: idle and steal stay 0
        }
        return new Sample(jvm, postgres(), idle, steal);
    }

    /** utime + stime + cutime + cstime of every postgres process; -1 when there is none. */
    private static long postgres() {
        long ticks = 0;
        boolean found = false;
        try (var procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                String stat;
                try {
                    stat = Files.readString(proc.resolve("stat"));
                } catch (java.io.IOException gone) {
                    continue; // the process ended while the list was read
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open < 0 || close < open || !stat.substring(open + 1, close).equals("postgres")) {
                    continue;
                }
                // after "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt
                // cmajflt utime stime cutime cstime
                String[] f = stat.substring(close + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                found = true;
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return found ? ticks : -1;
    }
}
