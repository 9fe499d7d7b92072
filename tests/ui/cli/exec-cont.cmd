display stage
break second_func
set breakpoint pending on
break second_func if stage == 2
watch stage
catch syscall exit_group
continue
info breakpoints
continue
