set breakpoint pending on
break main
break second_func
tbreak prepare
catch exec
info breakpoints
continue
continue
print stage
continue
info breakpoints
continue
print stage
continue
bt 2
finish
continue
