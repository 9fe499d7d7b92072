set pagination off
break sum_to
continue
bt
info registers r0 sp lr pc cpsr
p $cpsr & 0x20
watch counter
continue
continue
delete
break square
continue
finish
stepi
stepi
x/2i $pc
delete
catch syscall write
continue
bt 1
continue
kill
