/* process: fork + pipe + wait status, exec of a foreign child (itself), system() and popen() of host shell commands. */
#include <stdlib.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(int argc, char **argv) {
  if (argc > 1) { printf("child exec ok: %s\n", argv[1]); fflush(stdout); return 7; }
  int p[2]; pipe(p);
  pid_t pid = fork();
  if (pid == 0) { close(p[0]); write(p[1], "via pipe", 8); _exit(3); }
  close(p[1]); char b[16] = {0}; read(p[0], b, 15);
  int st; waitpid(pid, &st, 0);
  printf("fork: %s, status %d\n", b, WEXITSTATUS(st)); fflush(stdout);
  pid = fork();
  if (pid == 0) { execl(argv[0], argv[0], "arg1", (char*)0); _exit(99); }
  waitpid(pid, &st, 0); printf("exec foreign child status %d\n", WEXITSTATUS(st)); fflush(stdout);
  int r = system("echo host shell says hi; exit 5");
  printf("system: %d\n", WEXITSTATUS(r)); fflush(stdout);
  FILE *f = popen("echo popen line", "r"); char line[64]; fgets(line, 64, f); printf("popen: %s", line); pclose(f); fflush(stdout);
  return 0;
}
