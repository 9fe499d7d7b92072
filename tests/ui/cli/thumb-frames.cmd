# arm: disassembly in the function's own mode, the call chain through Thumb/ARM frames, finish, next over a call, a watchpoint
break add
continue
x/3i $pc
bt
finish
next
next
info registers pc
watch counter
continue
continue
quit
