# arm: cpsr decoded (at the entry: GE at later stops depends on the bytes of the environment), disassembly in the
# function's own mode, the call chain through Thumb/ARM frames, finish with the returned value, next over a call, a
# watchpoint; source lines from a DWARF 3 line table, relative to DW_AT_comp_dir from .debug_info
info registers cpsr
set var $cpsr = 0xf80f0030
info registers cpsr
break add
continue
x/3i $pc
bt
finish
p $ + 40
next
next
info registers pc
watch counter
continue
continue
quit
