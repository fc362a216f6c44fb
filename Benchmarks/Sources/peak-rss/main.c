// peak-rss PROGRAM [ARGUMENT...]
//
// Runs PROGRAM with stdin, stdout and stderr on /dev/null and prints one line:
// `max_rss_kib=N cpu_us=C status=S`: the child's ru_maxrss and user + system time from wait4,
// and its raw wait status.
//
// Why a separate, small process: Linux records a process's peak RSS at exec from the memory it
// had before (fork copies the parent's page tables; vfork and posix_spawn share them), so a child
// started by a large process inherits that process's size as its "peak". Started from this tiny
// helper, the child's ru_maxrss is its own.
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char *argv[]) {
    if (argc < 2) {
        fprintf(stderr, "usage: peak-rss PROGRAM [ARGUMENT...]\n");
        return 2;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("peak-rss: fork");
        return 1;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        if (null >= 0) {
            dup2(null, 0);
            dup2(null, 1);
            dup2(null, 2);
        }
        execv(argv[1], argv + 1);
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) {
        perror("peak-rss: wait4");
        return 1;
    }
    long cpu_us = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000L + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
    printf("max_rss_kib=%ld cpu_us=%ld status=%d\n", usage.ru_maxrss, cpu_us, status);
    return 0;
}
