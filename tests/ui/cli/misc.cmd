# errors and edge cases stay gdb-like
frobnicate
run
x/4xw 0
break nosuch
catch fork
info sharedlibrary
disassemble add
advance 24
continue
continue
bt
info registers
