set pagination off
break show
continue
bt
print *p
print p->x + p->y
up
info locals
print pt
down
stepi
x/4i $pc
p/x $cpsr & 0x3f
finish
continue
