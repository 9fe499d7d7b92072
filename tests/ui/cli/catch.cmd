# catch syscall stops at the entry and the return of write
catch syscall write
continue
p $a7
continue
p $a0
info syscalls
continue
