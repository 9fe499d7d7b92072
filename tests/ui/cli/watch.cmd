# a write watchpoint on a global reports old and new values; rwatch reports reads
watch counter
continue
continue
delete
rwatch counter
continue
info breakpoints
delete 2
continue
