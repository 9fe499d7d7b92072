# aarch64 built with -gdwarf-4: source lines via DW_AT_comp_dir, cpsr decoded (at the entry), finish's value from x0
info registers cpsr
break add
continue
finish
next
quit
