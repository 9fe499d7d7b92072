# riscv64 built with -gdwarf-4: relative file names resolved under DW_AT_comp_dir (xtrace runs elsewhere), finish's value
break prog.c:11
continue
bt
finish
p $ * 3
next
list 20,22
quit
