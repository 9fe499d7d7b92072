# break at main, step one instruction into a call, look around, finish, run to the end
break main
continue
p $pc
stepi
p $pc
info registers pc
x/4i $pc
bt
finish
info breakpoints
continue
info registers
quit
